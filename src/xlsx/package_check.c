/* Closing a workbook, for every workbook writer. A workbook is read back after
 * libxlsxwriter closes it: version 1.1.4 logs some allocation failures (in
 * content_types.c, app.c, relationships.c) and still returns success, leaving a
 * package whose parts Excel cannot open, a defined name printed as "(null)", or
 * a list of parts one short. Fault injection found all three. So the package
 * must hold what it says it holds: every part typed, every relationship's part
 * present, the sheet names counted right, and every sheet given by name. */
#include "alloc.h"
#include "annexe_internal.h"
#include "lib/reserve.h"
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

/* The text of part @p name, NUL-terminated, in *@p text (NULL if there is no such part).
 * 0, or -1 when it cannot be read. */
static int read_part(zip_t *z, const char *name, char **text)
{
    *text = NULL;
    zip_stat_t st;
    if (zip_stat(z, name, 0, &st))
        return 0; /* no such part */
    char *t = (st.valid & ZIP_STAT_SIZE) ? malloc(st.size + 1) : NULL;
    zip_file_t *f = t ? zip_fopen(z, name, 0) : NULL;
    int ok = f && zip_fread(f, t, st.size) == (zip_int64_t)st.size;
    if (f)
        zip_fclose(f);
    if (!ok) {
        free(t);
        return -1;
    }
    t[st.size] = '\0';
    *text = t;
    return 0;
}

/* Does the part @p name hold @p needle? A part that cannot be read counts as holding it. */
static int part_holds(zip_t *z, const char *name, const char *needle)
{
    char *text;
    if (read_part(z, name, &text))
        return 1;
    int holds = text && strstr(text, needle) != NULL;
    free(text);
    return holds;
}

/* How many times @p needle occurs in @p from up to @p to. */
static size_t count_between(const char *from, const char *to, const char *needle)
{
    size_t n = 0;
    for (const char *p = from; (p = strstr(p, needle)) && p < to; p += strlen(needle))
        n++;
    return n;
}

/*
 * docProps/app.xml names every sheet and print range under TitlesOfParts, and
 * counts them by kind under HeadingPairs. libxlsxwriter adds each name and each
 * count in a function that returns nothing: a failed allocation there drops one
 * silently (the fault run: exit 0 and a workbook one name short). The counts
 * must add up to the names listed.
 */
static int app_consistent(zip_t *z)
{
    char *app;
    if (read_part(z, "docProps/app.xml", &app))
        return 0;
    if (!app)
        return 1;
    const char *hp = strstr(app, "<HeadingPairs>"), *hp_end = strstr(app, "</HeadingPairs>");
    const char *tp = strstr(app, "<TitlesOfParts>"), *tp_end = strstr(app, "</TitlesOfParts>");
    unsigned long counted = 0;
    if (hp && hp_end)
        for (const char *p = hp; (p = strstr(p, "<vt:i4>")) && p < hp_end; p++)
            counted += strtoul(p + strlen("<vt:i4>"), NULL, 10);
    size_t named = tp && tp_end ? count_between(tp, tp_end, "<vt:lpstr>") : 0;
    int ok = !hp == !hp_end && !tp == !tp_end && counted == named;
    free(app);
    return ok;
}

/* The folder a relationships part speaks for: "xl/" for xl/_rels/workbook.xml.rels. */
static size_t rels_base(const char *rels)
{
    const char *r = strstr(rels, "_rels/");
    return r ? (size_t)(r - rels) : 0;
}

/* Does @p target, relative to the first @p base_len bytes of @p base, name a part in @p z? */
static int target_present(zip_t *z, const char *base, size_t base_len, const char *target,
                          size_t len)
{
    char path[1024];
    size_t n = 0;
    if (*target == '/') { /* from the package root */
        target++;
        len--;
    } else {
        if (base_len >= sizeof path)
            return 0;
        memcpy(path, base, base_len);
        n = base_len;
    }
    while (len >= 3 && !strncmp(target, "../", 3)) {
        if (n && path[n - 1] == '/')
            n--;
        while (n && path[n - 1] != '/')
            n--;
        target += 3;
        len -= 3;
    }
    if (n + len >= sizeof path)
        return 0;
    memcpy(path + n, target, len);
    path[n + len] = '\0';
    return zip_name_locate(z, path, 0) >= 0;
}

/*
 * Every relationship of every .rels part points at a part the package holds:
 * a sheet, drawing or chart libxlsxwriter listed but never wrote would leave
 * a workbook Excel repairs. External targets (links) are not parts.
 */
static int relationships_resolve(zip_t *z)
{
    zip_int64_t n = zip_get_num_entries(z, 0);
    int ok = 1;
    for (zip_int64_t i = 0; ok && i < n; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        size_t len = name ? strlen(name) : 0;
        if (!name || len < 5 || strcmp(name + len - 5, ".rels"))
            continue;
        char *rels;
        if (read_part(z, name, &rels) || !rels) {
            ok = 0;
            break;
        }
        for (const char *r = rels; ok && (r = strstr(r, "<Relationship ")); r++) {
            const char *end = strchr(r, '>');
            const char *t = strstr(r, "Target=\"");
            if (!end || !t || t > end) {
                ok = 0;
                break;
            }
            t += strlen("Target=\"");
            const char *q = strchr(t, '"');
            const char *ext = strstr(r, "TargetMode=\"External\"");
            if (!q || q > end)
                ok = 0;
            else if (!ext || ext > end)
                ok = target_present(z, name, rels_base(name), t, (size_t)(q - t));
        }
        free(rels);
    }
    return ok;
}

/* Write @p s into @p out as libxlsxwriter escapes an attribute; 0 if it does not fit. */
static int escaped(const char *s, char *out, size_t n)
{
    size_t o = 0;
    for (; *s; s++) {
        const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
                      : *s == '"' ? "&quot;" : NULL;
        size_t l = e ? strlen(e) : 1;
        if (o + l >= n)
            return 0;
        memcpy(out + o, e ? e : s, l);
        o += l;
    }
    out[o] = '\0';
    return 1;
}

/* The workbook part lists exactly the sheets the workbook was given, by name. */
static int sheets_listed(zip_t *z, const char *const *sheets, size_t n_sheets)
{
    char *wb;
    if (read_part(z, "xl/workbook.xml", &wb) || !wb)
        return 0;
    const char *from = strstr(wb, "<sheets>"), *to = strstr(wb, "</sheets>");
    int ok = from && to && count_between(from, to, "<sheet ") == n_sheets;
    for (size_t i = 0; ok && i < n_sheets; i++) {
        char key[512] = "<sheet name=\"";
        size_t k = strlen(key);
        ok = escaped(sheets[i], key + k, sizeof key - k - 1);
        if (ok) {
            strcat(key, "\"");
            ok = strstr(from, key) && strstr(from, key) < to;
        }
    }
    free(wb);
    return ok;
}

/* The number in attribute @p attr ("count", "s", ...) of the tag from @p tag to @p end,
 * or -1 without one. */
static long attribute_number(const char *tag, const char *end, const char *attr)
{
    size_t n = strlen(attr);
    for (const char *p = tag; (p = strstr(p, attr)) && p + n + 2 < end; p += n)
        if (p[-1] == ' ' && p[n] == '=' && p[n + 1] == '"')
            return strtol(p + n + 2, NULL, 10);
    return -1;
}

/* The count attribute of the first <@p element ...> in @p xml, 0 without one. */
static long element_count(const char *xml, const char *element)
{
    const char *t = strstr(xml, element), *end = t ? strchr(t, '>') : NULL;
    long n = end ? attribute_number(t, end, "count") : -1;
    return n < 0 ? 0 : n;
}

/*
 * Every style a worksheet uses is one styles.xml defines. libxlsxwriter gives a
 * format its index when a cell first uses it and enters it in the table of used
 * formats in a hash insertion whose failure it ignores (format.c): the cells
 * then name an index styles.xml never writes. Only tags are read, never text.
 */
static int styles_resolve(zip_t *z)
{
    char *styles;
    if (read_part(z, "xl/styles.xml", &styles))
        return 0;
    long xfs = styles ? element_count(styles, "<cellXfs") : 0;
    long dxfs = styles ? element_count(styles, "<dxfs") : 0;
    free(styles);
    zip_int64_t n = zip_get_num_entries(z, 0);
    int ok = 1;
    for (zip_int64_t i = 0; ok && i < n; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        if (!name || strncmp(name, "xl/worksheets/sheet", 19))
            continue;
        char *sheet;
        if (read_part(z, name, &sheet) || !sheet) {
            ok = 0;
            break;
        }
        for (const char *t = sheet; ok && (t = strchr(t, '<')); t++) {
            const char *end = strchr(t, '>');
            if (!end)
                break;
            long s = -1, d = -1;
            if (!strncmp(t, "<c ", 3) || !strncmp(t, "<row ", 5))
                s = attribute_number(t, end, "s");
            else if (!strncmp(t, "<col ", 5))
                s = attribute_number(t, end, "style");
            else if (!strncmp(t, "<cfRule ", 8))
                d = attribute_number(t, end, "dxfId");
            ok = s < xfs && d < dxfs;
            t = end;
        }
        free(sheet);
    }
    return ok;
}

/* The small parts where libxlsxwriter prints names it copied: when a copy fails it
 * prints "(null)" (glibc's rendering of a null %s), as in "(null)!$6:$6". */
static const char *const named_parts[] = {"xl/workbook.xml", "docProps/app.xml",
                                          "docProps/core.xml", "docProps/custom.xml"};

int annexe_package_complete(const char *path, const char *const *sheets, size_t n_sheets,
                            int depth)
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
    ok = ok && app_consistent(z) && relationships_resolve(z) &&
         (!(depth & ANNEXE_CHECK_STYLES) || styles_resolve(z)) &&
         (!(depth & ANNEXE_CHECK_CHART_CACHES) || annexe_chart_caches_match(z, path)) &&
         (!sheets || sheets_listed(z, sheets, n_sheets));
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

lxw_workbook *annexe_workbook_start(const pdurep_atomic *out, lxw_workbook_options *opts,
                                    const char *path, unsigned long *mark, pdurep_error *err,
                                    pdurep_diag *diag)
{
    /* Where libxlsxwriter's allocations cannot be counted, the package read back is the guard. */
    annexe_alloc_watch();
    *mark = annexe_alloc_failures();
    errno = 0;
    pdurep_reserve_begin();
    lxw_workbook *wb = workbook_new_opt(out->tmp_path, opts);
    if (wb)
        return wb;
    pdurep_reserve_end();
    /* errno as well: a FILE that fopen could not allocate is the C library's failure. */
    int oom = annexe_alloc_failures() != *mark || errno == ENOMEM;
    pdurep_diag_add(diag, path, 0, 0, "libxlsxwriter could not start a workbook%s",
                    oom ? " (out of memory)" : "");
    *err = oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_INTERNAL;
    return NULL;
}

lxw_error annexe_set_properties(lxw_workbook *wb, lxw_doc_properties *props)
{
    lxw_error e = workbook_set_properties(wb, props);
    if (e)
        wb->properties = NULL; /* freed: the refused workbook is discarded, never closed */
    return e;
}

int annexe_add_formats(lxw_workbook *wb, lxw_format **const *slots, size_t n)
{
    for (size_t i = 0; i < n; i++)
        *slots[i] = NULL;
    for (size_t i = 0; i < n; i++)
        if (!(*slots[i] = workbook_add_format(wb)))
            return -1;
    return 0;
}

/*
 * Free a refused workbook without closing it: what closing would have done for it, less
 * the package. Closing a workbook that something was lost from reads what was lost:
 * libxlsxwriter 1.1.4 keeps a custom property whose name it could not copy, as NULL, and
 * a freed set of properties (annexe_set_properties()), and its writers do not expect
 * either. In constant-memory mode each sheet keeps its last row and a temporary file
 * open until it is closed.
 */
static void discard_workbook(lxw_workbook *wb)
{
    lxw_sheet *sheet;
    STAILQ_FOREACH(sheet, wb->sheets, list_pointers) {
        lxw_worksheet *ws = sheet->is_chartsheet ? NULL : sheet->u.worksheet;
        if (ws && ws->optimize_tmpfile) {
            lxw_worksheet_write_single_row(ws);
            fclose(ws->optimize_tmpfile);
            ws->optimize_tmpfile = ws->file = NULL;
        }
    }
    lxw_workbook_free(wb);
    pdurep_reserve_end();
}

pdurep_error annexe_workbook_finish(lxw_workbook *wb, pdurep_atomic *out, const char *path,
                                    unsigned long mark, pdurep_error err, pdurep_diag *diag)
{
    if (!err && annexe_alloc_failures() != mark) {
        pdurep_diag_add(diag, path, 0, 0, "libxlsxwriter ran out of memory; nothing was written");
        err = PDUREP_ERROR_NO_MEMORY;
    }
    if (err || !wb->properties) {
        discard_workbook(wb);
        pdurep_atomic_abort(out);
        return err ? err : PDUREP_ERROR_NO_MEMORY;
    }
    /* Where libxlsxwriter's allocations are counted, what they would drop is known to be
     * there; elsewhere the package is read for it (about 15 % of the North Wales annexe). */
    int depth = annexe_alloc_watch() == 0 ? 0
                : ANNEXE_CHECK_STYLES |
                      (wb->options.constant_memory ? 0 : ANNEXE_CHECK_CHART_CACHES);
    /* The sheets as given, to find them all in the package: closing frees their names. */
    size_t n_sheets = 0;
    lxw_sheet *sheet;
    STAILQ_FOREACH(sheet, wb->sheets, list_pointers)
        n_sheets++;
    char **sheets = calloc(n_sheets ? n_sheets : 1, sizeof *sheets);
    size_t k = 0;
    STAILQ_FOREACH(sheet, wb->sheets, list_pointers) {
        const char *name = sheet->is_chartsheet ? sheet->u.chartsheet->name
                                                : sheet->u.worksheet->name;
        if (sheets && !(sheets[k++] = strdup(name ? name : "")))
            err = err ? err : PDUREP_ERROR_NO_MEMORY;
    }
    if (!sheets)
        err = err ? err : PDUREP_ERROR_NO_MEMORY;
    errno = 0;
    lxw_error cerr = workbook_close(wb);
    pdurep_reserve_end();
    /* minizip reports a failed malloc as a zip error, and leaves ENOMEM behind. */
    int close_oom = annexe_alloc_failures() != mark || errno == ENOMEM;
    if (!err && !cerr && close_oom) {
        pdurep_diag_add(diag, path, 0, 0, "libxlsxwriter ran out of memory; nothing was written");
        err = PDUREP_ERROR_NO_MEMORY;
    }
    if (!err && cerr && pdurep_atomic_disk_full(out->tmp_path)) {
        pdurep_diag_add(diag, path, 0, 0, "cannot write: the disk is full");
        err = PDUREP_ERROR_IO;
    } else if (!err && cerr && close_oom) {
        pdurep_diag_add(diag, path, 0, 0, "cannot write workbook: out of memory");
        err = PDUREP_ERROR_NO_MEMORY;
    } else if (!err && cerr) {
        pdurep_diag_add(diag, path, 0, 0, "cannot write workbook: %s", lxw_strerror(cerr));
        err = (cerr == LXW_ERROR_CREATING_XLSX_FILE || cerr == LXW_ERROR_CREATING_TMPFILE)
                  ? PDUREP_ERROR_CANT_CREATE
                  : PDUREP_ERROR_IO;
    }
    if (!err && !annexe_package_complete(out->tmp_path, (const char *const *)sheets, n_sheets,
                                        depth)) {
        pdurep_diag_add(diag, path, 0, 0, "the workbook came out incomplete (libxlsxwriter ran "
                        "out of memory); nothing was written");
        err = PDUREP_ERROR_NO_MEMORY;
    }
    for (size_t i = 0; sheets && i < n_sheets; i++)
        free(sheets[i]);
    free(sheets);
    if (err)
        pdurep_atomic_abort(out);
    else
        err = pdurep_atomic_commit(out, diag);
    return err;
}
