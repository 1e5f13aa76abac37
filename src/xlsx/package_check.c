/* Closing a workbook, for every workbook writer. A workbook is checked after
 * libxlsxwriter closes it: version 1.1.4 logs some allocation failures (e.g. in
 * content_types.c) and still returns success, leaving a package whose parts
 * Excel cannot open, or a defined name printed as "(null)". Fault injection
 * found both. */
#include "annexe_internal.h"
#include "pdurep/atomic.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Is this part given its content type, by an Override naming it or (for parts
 * other than XML, such as .rels) a Default for its extension? */
static int covered(const char *types, const char *part)
{
    char key[512];
    snprintf(key, sizeof key, "PartName=\"/%s\"", part);
    if (strstr(types, key))
        return 1;
    const char *dot = strrchr(part, '.');
    /* libxlsxwriter names every XML part in an Override; the "xml" Default is only
     * a fallback, so an XML part without its Override is a part it dropped. */
    if (!dot || !strcmp(dot, ".xml"))
        return 0;
    snprintf(key, sizeof key, "Extension=\"%s\"", dot + 1);
    return strstr(types, key) != NULL;
}

/* Does the part @p name hold @p needle? A part that cannot be read counts as holding it. */
static int part_holds(zip_t *z, const char *name, const char *needle)
{
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st))
        return 0; /* no such part */
    char *text = (st.valid & ZIP_STAT_SIZE) ? malloc(st.size + 1) : NULL;
    zip_file_t *f = text ? zip_fopen(z, name, 0) : NULL;
    int holds = !f || zip_fread(f, text, st.size) != (zip_int64_t)st.size;
    if (!holds) {
        text[st.size] = '\0';
        holds = strstr(text, needle) != NULL;
    }
    if (f)
        zip_fclose(f);
    free(text);
    return holds;
}

/* The small parts where libxlsxwriter prints names it copied: when a copy fails it
 * prints "(null)" (glibc's rendering of a null %s), as in "(null)!$6:$6". */
static const char *const named_parts[] = {"xl/workbook.xml", "docProps/app.xml",
                                          "docProps/core.xml", "docProps/custom.xml"};

int annexe_package_complete(const char *path)
{
    int zerr = 0, ok = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
    if (!z)
        return 0;
    zip_stat_t st;
    zip_file_t *f = NULL;
    char *types = NULL;
    if (zip_stat(z, "[Content_Types].xml", 0, &st) || !(st.valid & ZIP_STAT_SIZE) ||
        !(types = malloc(st.size + 1)) || !(f = zip_fopen(z, "[Content_Types].xml", 0)) ||
        zip_fread(f, types, st.size) != (zip_int64_t)st.size)
        goto done;
    types[st.size] = '\0';
    if (!strstr(types, "</Types>"))
        goto done;
    zip_int64_t n = zip_get_num_entries(z, 0);
    ok = 1;
    for (zip_int64_t i = 0; ok && i < n; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        if (!name)
            ok = 0;
        else if (strcmp(name, "[Content_Types].xml") && name[strlen(name) - 1] != '/')
            ok = covered(types, name);
    }
    for (size_t i = 0; ok && i < sizeof named_parts / sizeof named_parts[0]; i++)
        ok = !part_holds(z, named_parts[i], "(null)");
done:
    if (f)
        zip_fclose(f);
    free(types);
    zip_discard(z);
    return ok;
}

pdurep_error annexe_lxw_fail(lxw_error lerr, const char *path, pdurep_diag *diag)
{
    /* libxlsxwriter 1.1.4 reports a shared string it failed to allocate as a string index
     * it cannot find: both mean memory ran out. */
    if (lerr == LXW_ERROR_MEMORY_MALLOC_FAILED || lerr == LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND) {
        pdurep_diag_add(diag, path, 0, 0, "libxlsxwriter ran out of memory; nothing was written");
        return PDUREP_ERROR_NO_MEMORY;
    }
    pdurep_diag_add(diag, path, 0, 0, "libxlsxwriter: %s", lxw_strerror(lerr));
    return PDUREP_ERROR_INTERNAL;
}

pdurep_error annexe_workbook_finish(lxw_workbook *wb, pdurep_atomic *out, const char *path,
                                    pdurep_error err, pdurep_diag *diag)
{
    /* Close even after an error: it frees the workbook. The file is then thrown away. */
    lxw_error cerr = workbook_close(wb);
    int close_errno = errno; /* libxlsxwriter and minizip report a failed malloc as a zip error */
    if (!err && cerr && pdurep_atomic_disk_full(out->tmp_path)) {
        pdurep_diag_add(diag, path, 0, 0, "cannot write: the disk is full");
        err = PDUREP_ERROR_IO;
    } else if (!err && cerr && close_errno == ENOMEM) {
        pdurep_diag_add(diag, path, 0, 0, "cannot write workbook: out of memory");
        err = PDUREP_ERROR_NO_MEMORY;
    } else if (!err && cerr) {
        pdurep_diag_add(diag, path, 0, 0, "cannot write workbook: %s", lxw_strerror(cerr));
        err = (cerr == LXW_ERROR_CREATING_XLSX_FILE || cerr == LXW_ERROR_CREATING_TMPFILE)
                  ? PDUREP_ERROR_CANT_CREATE
                  : PDUREP_ERROR_IO;
    }
    if (!err && !annexe_package_complete(out->tmp_path)) {
        pdurep_diag_add(diag, path, 0, 0, "the workbook came out incomplete (libxlsxwriter ran "
                        "out of memory); nothing was written");
        err = PDUREP_ERROR_NO_MEMORY;
    }
    if (err)
        pdurep_atomic_abort(out);
    else
        err = pdurep_atomic_commit(out, diag);
    return err;
}
