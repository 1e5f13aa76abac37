/*
 * The colophon: when and by whom the report was published, the Crown
 * copyright and Open Government Licence notice, how to reach the inspectorate,
 * and the credit to pdurep, so that the cover carries only what a reader needs
 * to pick the report up. Every word comes from the strings file (colophon.*).
 */
#include "report/report_internal.h"
#include "typeset/pdfa.h"
#include "pdurep/strings.h"
#include "pdurep/version.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The year the copyright runs from: the publication's, else the document time's. */
static void copyright_year(const report *rp, char out[16])
{
    const char *pub = rp->r->inspection->published;
    if (pub && strlen(pub) >= 4) {
        snprintf(out, 16, "%.4s", pub);
        return;
    }
    struct tm tm;
    time_t t = rp->created;
    if (gmtime_r(&t, &tm))
        snprintf(out, 16, "%d", tm.tm_year + 1900);
    else
        snprintf(out, 16, "%s", "");
}

char *pdurep_report_published(report *rp)
{
    const char *pub = rp->r->inspection->published;
    return pub && *pub ? pdurep_strings_date(rp->str, pub) : NULL;
}

char *pdurep_report_copyright(report *rp)
{
    char year[16];
    copyright_year(rp, year);
    char *t = pdurep_report_template(rp, "colophon.copyright", "year", year, NULL);
    char *p = t ? pdurep_report_plain(t) : NULL;
    free(t);
    return p;
}

void pdurep_report_section_colophon(report *rp, const pdurep_layout_section *sec)
{
    char *title = pdurep_report_template(rp, "colophon.title", NULL);
    if (!title)
        return;
    pdurep_report_section(rp, sec, title);
    free(title);
    char *published = pdurep_report_published(rp);
    if (published) {
        char *t = pdurep_report_template(rp, "colophon.published", "published", published, NULL);
        if (t)
            pdurep_report_paragraph(rp, PDUREP_STYLE_BODY, t);
        free(t);
    }
    free(published);
    char *copy = pdurep_report_copyright(rp);
    if (copy) {
        char *t = pdurep_report_template(rp, "colophon.licence", "copyright", copy, NULL);
        if (t)
            pdurep_report_paragraph(rp, PDUREP_STYLE_BODY, t);
        free(t);
    }
    free(copy);
    static const char *const keys[] = {"colophon.contact", "colophon.produced"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char *t = pdurep_report_template(rp, keys[i], "version", PDUREP_VERSION_STRING, NULL);
        if (t)
            pdurep_report_paragraph(rp, PDUREP_STYLE_BODY, t);
        free(t);
    }
}
