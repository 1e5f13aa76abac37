/*
 * Small-number suppression of one table row, as UK official statistics do it:
 * primary suppression of small cells, then secondary suppression so that the
 * hidden cells cannot be recovered from the row total published elsewhere.
 */
#include "pdurep/annexe.h"

size_t pdurep_suppress_row(const unsigned long *counts, size_t n, unsigned long threshold,
                           unsigned char *out)
{
    size_t hidden = 0;
    unsigned long hidden_sum = 0;
    for (size_t i = 0; i < n; i++) {
        /* A group with no cases discloses nothing about anyone: 0 is shown, never hidden for itself. */
        if (threshold > 0 && counts[i] > 0 && counts[i] < threshold)
            out[i] = 1;
        if (out[i]) {
            hidden++;
            hidden_sum += counts[i];
        }
    }
    if (hidden == 0)
        return 0;
    /*
     * One hidden cell is the total minus the others. Two hidden cells that add
     * up to less than the threshold are still small together. So a complement
     * is hidden until neither holds, chosen to hide as little as it can: the
     * smallest cell with cases. A zero cell is no complement (a reader knows
     * from the sample that the group is empty, so hiding it protects nothing;
     * a cell marked by the caller counts as hidden whatever its count),
     * and when no cell with cases is left the row is as safe as it can be made
     * here. Ties go to the first cell, so the choice is the same on every run.
     */
    while (hidden < 2 || hidden_sum < threshold) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (!out[i] && counts[i] > 0 && (best == n || counts[i] < counts[best]))
                best = i;
        if (best == n)
            break;
        out[best] = 1;
        hidden++;
        hidden_sum += counts[best];
    }
    return hidden;
}
