/*
 * The structure tree of a tagged PDF, over libharu's object layer.
 *
 * Elements are kept in one array in the order they were opened, which is the
 * reading order the section code drew them in; libharu dictionaries are made
 * only at the end (pdurep_tags_write), when every page and annotation exists.
 * Nothing here depends on the clock or on addresses, so a document keeps its
 * bytes from one run to the next.
 */
#include "typeset/tag.h"
#include "typeset/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "typeset/text.h" /* pdurep_grow */

enum { KID_ELEM, KID_MCID, KID_OBJR };

typedef struct kid {
    int kind;
    size_t elem;  /* KID_ELEM */
    size_t page;  /* KID_MCID, KID_OBJR */
    int mcid;     /* KID_MCID */
    HPDF_Annotation annot; /* KID_OBJR */
} kid;

typedef struct elem {
    pdurep_tag_type type;
    size_t parent;
    kid *kids;
    size_t n_kids, cap_kids;
    char *alt, *actual;
    pdurep_tag_scope scope;
    int has_bbox;
    size_t bbox_page;
    double bbox[4];
    HPDF_Dict dict;
    const struct pdurep_tags *owner; /* for the write hook, which sees only the dictionary */
} elem;

typedef struct page_marks {
    size_t *owner; /* element of each MCID */
    size_t n, cap;
} page_marks;

typedef struct annot_ref {
    HPDF_Annotation annot;
    size_t elem, page;
} annot_ref;

struct pdurep_tags {
    elem *elems;
    size_t n_elems, cap_elems;
    size_t *stack; /* current element on top */
    size_t depth, cap_stack;
    page_marks *pages;
    size_t n_pages, cap_pages;
    annot_ref *annots;
    size_t n_annots, cap_annots;
    int oom;
    /* Set by pdurep_tags_write for the write hooks, which run when libharu saves. */
    const HPDF_Page *out_pages;
    size_t out_n_pages;
    HPDF_Dict out_root;
};

static const char *const names[PDUREP_TAG_COUNT] = {
    "Document", "Sect", "Div", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody",
    "Table", "THead", "TBody", "TR", "TH", "TD", "TOC", "TOCI", "Figure", "Caption", "Link", "Note",
    "Reference", "Span",
};

const char *pdurep_tag_name(pdurep_tag_type type)
{
    return type >= 0 && type < PDUREP_TAG_COUNT ? names[type] : "Span";
}

static size_t new_elem(pdurep_tags *t, pdurep_tag_type type, size_t parent)
{
    if (t->oom || !pdurep_grow((void **)&t->elems, &t->cap_elems, t->n_elems + 1, sizeof *t->elems)) {
        t->oom = 1;
        return PDUREP_TAG_NONE;
    }
    elem *e = &t->elems[t->n_elems];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->parent = parent;
    return t->n_elems++;
}

static kid *add_kid(pdurep_tags *t, size_t parent)
{
    elem *e = &t->elems[parent];
    if (t->oom || !pdurep_grow((void **)&e->kids, &e->cap_kids, e->n_kids + 1, sizeof *e->kids)) {
        t->oom = 1;
        return NULL;
    }
    kid *k = &e->kids[e->n_kids++];
    memset(k, 0, sizeof *k);
    return k;
}

static int push(pdurep_tags *t, size_t e)
{
    if (t->oom || !pdurep_grow((void **)&t->stack, &t->cap_stack, t->depth + 1, sizeof *t->stack)) {
        t->oom = 1;
        return 0;
    }
    t->stack[t->depth++] = e;
    return 1;
}

pdurep_tags *pdurep_tags_new(void)
{
    pdurep_tags *t = pdurep_ts_calloc(1, sizeof *t);
    if (!t)
        return NULL;
    size_t doc = new_elem(t, PDUREP_TAG_DOCUMENT, PDUREP_TAG_NONE);
    if (doc == PDUREP_TAG_NONE || !push(t, doc)) {
        pdurep_tags_free(t);
        return NULL;
    }
    return t;
}

void pdurep_tags_free(pdurep_tags *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_elems; i++) {
        free(t->elems[i].kids);
        free(t->elems[i].alt);
        free(t->elems[i].actual);
    }
    for (size_t i = 0; i < t->n_pages; i++)
        free(t->pages[i].owner);
    free(t->elems);
    free(t->stack);
    free(t->pages);
    free(t->annots);
    free(t);
}

int pdurep_tags_failed(const pdurep_tags *t) { return t->oom; }

size_t pdurep_tags_current(const pdurep_tags *t) { return t->stack[t->depth - 1]; }

size_t pdurep_tags_count(const pdurep_tags *t) { return t->n_elems; }

size_t pdurep_tags_parent(const pdurep_tags *t, size_t e)
{
    return e < t->n_elems ? t->elems[e].parent : PDUREP_TAG_NONE;
}

size_t pdurep_tags_page_mcids(const pdurep_tags *t, size_t index)
{
    return index < t->n_pages ? t->pages[index].n : 0;
}

pdurep_tag_type pdurep_tags_type(const pdurep_tags *t, size_t e)
{
    return e < t->n_elems ? t->elems[e].type : PDUREP_TAG_COUNT;
}

size_t pdurep_tags_open(pdurep_tags *t, pdurep_tag_type type)
{
    size_t parent = pdurep_tags_current(t);
    size_t e = new_elem(t, type, parent);
    if (e == PDUREP_TAG_NONE)
        return e;
    kid *k = add_kid(t, parent);
    if (!k || !push(t, e))
        return PDUREP_TAG_NONE;
    k->kind = KID_ELEM;
    k->elem = e;
    return e;
}

void pdurep_tags_close(pdurep_tags *t)
{
    if (t->depth > 1)
        t->depth--;
}

void pdurep_tags_enter(pdurep_tags *t, size_t e)
{
    if (e < t->n_elems)
        push(t, e);
}

static void set_text(pdurep_tags *t, char **dst, const char *text)
{
    char *copy = text ? pdurep_ts_strdup(text) : NULL;
    if (text && !copy) {
        t->oom = 1;
        return;
    }
    free(*dst);
    *dst = copy;
}

void pdurep_tags_set_alt(pdurep_tags *t, size_t e, const char *text)
{
    if (e < t->n_elems)
        set_text(t, &t->elems[e].alt, text);
}

void pdurep_tags_set_actual(pdurep_tags *t, size_t e, const char *text)
{
    if (e < t->n_elems)
        set_text(t, &t->elems[e].actual, text);
}

void pdurep_tags_set_scope(pdurep_tags *t, size_t e, pdurep_tag_scope scope)
{
    if (e < t->n_elems)
        t->elems[e].scope = scope;
}

void pdurep_tags_set_bbox(pdurep_tags *t, size_t e, size_t page, double x0, double y0, double x1,
                          double y1)
{
    if (e >= t->n_elems)
        return;
    elem *el = &t->elems[e];
    el->has_bbox = 1;
    el->bbox_page = page;
    el->bbox[0] = x0;
    el->bbox[1] = y0;
    el->bbox[2] = x1;
    el->bbox[3] = y1;
}

static HPDF_Stream page_stream(HPDF_Page page) { return ((HPDF_PageAttr)page->attr)->stream; }

pdurep_error pdurep_tags_begin_marked(pdurep_tags *t, size_t index, HPDF_Page page, size_t e)
{
    if (t->oom || e >= t->n_elems)
        return PDUREP_ERROR_NO_MEMORY;
    if (index >= t->n_pages) {
        size_t n = index + 1;
        if (!pdurep_grow((void **)&t->pages, &t->cap_pages, n, sizeof *t->pages)) {
            t->oom = 1;
            return PDUREP_ERROR_NO_MEMORY;
        }
        memset(t->pages + t->n_pages, 0, (n - t->n_pages) * sizeof *t->pages);
        t->n_pages = n;
    }
    page_marks *pm = &t->pages[index];
    kid *k = NULL;
    if (!pdurep_grow((void **)&pm->owner, &pm->cap, pm->n + 1, sizeof *pm->owner) ||
        !(k = add_kid(t, e))) {
        t->oom = 1;
        return PDUREP_ERROR_NO_MEMORY;
    }
    int mcid = (int)pm->n;
    pm->owner[pm->n++] = e;
    k->kind = KID_MCID;
    k->page = index;
    k->mcid = mcid;
    char op[64];
    snprintf(op, sizeof op, "/%s <</MCID %d>> BDC\012", pdurep_tag_name(t->elems[e].type), mcid);
    HPDF_Stream_WriteStr(page_stream(page), op);
    return PDUREP_OK;
}

void pdurep_tags_begin_artifact(HPDF_Page page)
{
    HPDF_Stream_WriteStr(page_stream(page), "/Artifact BMC\012");
}

void pdurep_tags_end_marked(HPDF_Page page) { HPDF_Stream_WriteStr(page_stream(page), "EMC\012"); }

void pdurep_tags_annotation(pdurep_tags *t, size_t e, size_t index, HPDF_Annotation annot)
{
    if (t->oom || e >= t->n_elems || !annot)
        return;
    kid *k = add_kid(t, e);
    if (!k || !pdurep_grow((void **)&t->annots, &t->cap_annots, t->n_annots + 1, sizeof *t->annots)) {
        t->oom = 1;
        return;
    }
    k->kind = KID_OBJR;
    k->page = index;
    k->annot = annot;
    t->annots[t->n_annots++] = (annot_ref){annot, e, index};
}

/* ---- writing ------------------------------------------------------------- */

/* A PDF text string in UTF-16BE with its byte order mark, which holds any
 * Unicode text (PDFDocEncoding would lose Welsh letters such as ŵ and ŷ). */
HPDF_Binary pdurep_tags_text_string(HPDF_MMgr mm, const char *s)
{
    size_t len = strlen(s);
    HPDF_BYTE *buf = pdurep_ts_malloc(2 + len * 4);
    if (!buf)
        return NULL;
    size_t n = 0;
    buf[n++] = 0xFE;
    buf[n++] = 0xFF;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)len;
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t used = utf8proc_iterate(p, left, &cp);
        if (used <= 0) {
            cp = 0xFFFD;
            used = 1;
        }
        p += used;
        left -= used;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unsigned hi = 0xD800 + ((unsigned)cp >> 10), lo = 0xDC00 + ((unsigned)cp & 0x3FF);
            buf[n++] = (HPDF_BYTE)(hi >> 8);
            buf[n++] = (HPDF_BYTE)hi;
            buf[n++] = (HPDF_BYTE)(lo >> 8);
            buf[n++] = (HPDF_BYTE)lo;
        } else {
            buf[n++] = (HPDF_BYTE)((unsigned)cp >> 8);
            buf[n++] = (HPDF_BYTE)cp;
        }
    }
    HPDF_Binary b = HPDF_Binary_New(mm, buf, (HPDF_UINT)n);
    free(buf);
    return b;
}

/* The page an element's content starts on, for its /Pg; none when it owns no content. */
static size_t elem_page(const elem *e)
{
    for (size_t i = 0; i < e->n_kids; i++)
        if (e->kids[i].kind != KID_ELEM)
            return e->kids[i].page;
    return e->has_bbox ? e->bbox_page : PDUREP_TAG_NONE;
}

static HPDF_STATUS write_attributes(HPDF_MMgr mm, const elem *e, size_t index, HPDF_Dict d)
{
    HPDF_STATUS st = HPDF_OK;
    if (e->scope != PDUREP_SCOPE_NONE) {
        HPDF_Dict a = HPDF_Dict_New(mm);
        if (!a)
            return HPDF_FAILD_TO_ALLOC_MEM;
        st |= HPDF_Dict_AddName(a, "O", "Table");
        st |= HPDF_Dict_AddName(a, "Scope", e->scope == PDUREP_SCOPE_ROW ? "Row" : "Column");
        st |= HPDF_Dict_Add(d, "A", a);
    } else if (e->has_bbox) {
        HPDF_Dict a = HPDF_Dict_New(mm);
        HPDF_Array box = HPDF_Array_New(mm);
        if (!a || !box)
            return HPDF_FAILD_TO_ALLOC_MEM;
        for (int i = 0; i < 4; i++)
            st |= HPDF_Array_AddReal(box, (HPDF_REAL)e->bbox[i]);
        st |= HPDF_Dict_AddName(a, "O", "Layout");
        st |= HPDF_Dict_AddName(a, "Placement", "Block");
        st |= HPDF_Dict_Add(a, "BBox", box);
        st |= HPDF_Dict_Add(d, "A", a);
    }
    if (e->type == PDUREP_TAG_NOTE) {
        /* PDF/UA asks every Note for an ID unique in the document. */
        char id[32];
        snprintf(id, sizeof id, "note-%zu", index);
        HPDF_String s = HPDF_String_New(mm, id, NULL);
        st |= s ? HPDF_Dict_Add(d, "ID", s) : HPDF_FAILD_TO_ALLOC_MEM;
    }
    if (e->alt) {
        HPDF_Binary b = pdurep_tags_text_string(mm, e->alt);
        st |= b ? HPDF_Dict_Add(d, "Alt", b) : HPDF_FAILD_TO_ALLOC_MEM;
    }
    if (e->actual) {
        HPDF_Binary b = pdurep_tags_text_string(mm, e->actual);
        st |= b ? HPDF_Dict_Add(d, "ActualText", b) : HPDF_FAILD_TO_ALLOC_MEM;
    }
    return st;
}

/*
 * The structure tree is hundreds of small objects. Built as libharu objects
 * (a name, a number or an array object per entry, each entry with a 128-byte
 * key) it took about 1 MB and a tenth of a report's time; instead each element
 * is an empty dictionary that gives it an object number, and its entries are
 * written by the dictionary's write hook straight from the element.
 */

/* "N G R", a reference to an indirect object of libharu's. */
static void put_ref(HPDF_Stream out, const void *obj)
{
    const HPDF_Obj_Header *h = obj;
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%u %u R", (unsigned)(h->obj_id & 0x00FFFFFF),
                     (unsigned)h->gen_no);
    HPDF_Stream_Write(out, (const HPDF_BYTE *)buf, (HPDF_UINT)n);
}

static void put(HPDF_Stream out, const char *s) { HPDF_Stream_WriteStr(out, s); }

static void put_int(HPDF_Stream out, size_t v)
{
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%zu", v);
    HPDF_Stream_Write(out, (const HPDF_BYTE *)buf, (HPDF_UINT)n);
}

static HPDF_STATUS write_elem(HPDF_Dict d, HPDF_Stream out)
{
    const elem *e = d->attr;
    const pdurep_tags *t = e->owner;
    const HPDF_Page *pages = t->out_pages;
    put(out, "/S /");
    put(out, pdurep_tag_name(e->type));
    put(out, "\012/P ");
    put_ref(out, e->parent == PDUREP_TAG_NONE ? (void *)t->out_root : (void *)t->elems[e->parent].dict);
    size_t pg = elem_page(e);
    if (pg != PDUREP_TAG_NONE && pg < t->out_n_pages) {
        put(out, "\012/Pg ");
        put_ref(out, pages[pg]);
    }
    if (e->n_kids) {
        put(out, "\012/K [");
        for (size_t j = 0; j < e->n_kids; j++) {
            const kid *c = &e->kids[j];
            if (j)
                put(out, " ");
            if (c->kind == KID_ELEM) {
                put_ref(out, t->elems[c->elem].dict);
            } else if (c->kind == KID_MCID && c->page == pg) {
                put_int(out, (size_t)c->mcid);
            } else if (c->kind == KID_MCID) {
                put(out, "<</Type /MCR /Pg ");
                put_ref(out, pages[c->page]);
                put(out, " /MCID ");
                put_int(out, (size_t)c->mcid);
                put(out, ">>");
            } else {
                put(out, "<</Type /OBJR /Pg ");
                put_ref(out, pages[c->page]);
                put(out, " /Obj ");
                put_ref(out, c->annot);
                put(out, ">>");
            }
        }
        put(out, "]");
    }
    put(out, "\012");
    return HPDF_Error_GetCode(d->error);
}

/* The parent tree: page i's /StructParents is i and maps each MCID to its owner;
 * annotations follow the pages, one key each. */
static HPDF_STATUS write_parent_tree(HPDF_Dict d, HPDF_Stream out)
{
    const pdurep_tags *t = d->attr;
    size_t n_pages = t->out_n_pages;
    put(out, "/Nums [");
    for (size_t i = 0; i < n_pages && i < t->n_pages; i++) {
        const page_marks *pm = &t->pages[i];
        if (!pm->n)
            continue;
        put_int(out, i);
        put(out, " [");
        for (size_t m = 0; m < pm->n; m++) {
            if (m)
                put(out, " ");
            put_ref(out, t->elems[pm->owner[m]].dict);
        }
        put(out, "]\012");
    }
    for (size_t a = 0; a < t->n_annots; a++) {
        put_int(out, n_pages + a);
        put(out, " ");
        put_ref(out, t->elems[t->annots[a].elem].dict);
        put(out, "\012");
    }
    put(out, "]\012");
    return HPDF_Error_GetCode(d->error);
}

pdurep_error pdurep_tags_write(pdurep_tags *t, HPDF_Doc pdf, const HPDF_Page *pages, size_t n_pages)
{
    if (t->oom)
        return PDUREP_ERROR_NO_MEMORY;
    HPDF_MMgr mm = pdf->mmgr;
    HPDF_STATUS st = HPDF_OK;
    HPDF_Dict root = HPDF_Dict_New(mm);
    if (!root || HPDF_Xref_Add(pdf->xref, root) != HPDF_OK)
        return PDUREP_ERROR_INTERNAL;
    st |= HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    t->out_pages = pages;
    t->out_n_pages = n_pages;
    t->out_root = root;

    /* Every element is an indirect object so that parents, kids and the parent tree can refer to it. */
    for (size_t i = 0; i < t->n_elems; i++) {
        HPDF_Dict d = HPDF_Dict_New(mm);
        if (!d || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
            return PDUREP_ERROR_INTERNAL;
        t->elems[i].dict = d;
    }
    for (size_t i = 0; i < t->n_elems && st == HPDF_OK; i++) {
        elem *e = &t->elems[i];
        for (size_t j = 0; j < e->n_kids; j++)
            if (e->kids[j].kind != KID_ELEM && e->kids[j].page >= n_pages)
                return PDUREP_ERROR_INTERNAL;
        e->owner = t;
        e->dict->attr = e;
        e->dict->write_fn = write_elem;
        st |= write_attributes(mm, e, i, e->dict);
    }
    HPDF_Array top = HPDF_Array_New(mm);
    if (!top)
        return PDUREP_ERROR_NO_MEMORY;
    st |= HPDF_Dict_Add(root, "K", top);
    st |= HPDF_Array_Add(top, t->elems[0].dict);

    HPDF_Dict ptree = HPDF_Dict_New(mm);
    if (!ptree || HPDF_Xref_Add(pdf->xref, ptree) != HPDF_OK)
        return PDUREP_ERROR_INTERNAL;
    ptree->attr = t;
    ptree->write_fn = write_parent_tree;
    st |= HPDF_Dict_Add(root, "ParentTree", ptree);
    for (size_t i = 0; i < n_pages && i < t->n_pages && st == HPDF_OK; i++)
        if (t->pages[i].n)
            st |= HPDF_Dict_AddNumber(pages[i], "StructParents", (HPDF_INT32)i);
    for (size_t a = 0; a < t->n_annots && st == HPDF_OK; a++) {
        HPDF_INT32 key = (HPDF_INT32)(n_pages + a);
        /* The pages' /Tabs is pdfa.c's, with the rest of what annotations need. */
        st |= HPDF_Dict_AddNumber(t->annots[a].annot, "StructParent", key);
    }
    st |= HPDF_Dict_AddNumber(root, "ParentTreeNextKey", (HPDF_INT32)(n_pages + t->n_annots));

    HPDF_Dict mark = HPDF_Dict_New(mm);
    if (!mark)
        return PDUREP_ERROR_NO_MEMORY;
    st |= HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    st |= HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark);
    st |= HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
    return st == HPDF_OK ? PDUREP_OK : PDUREP_ERROR_INTERNAL;
}
