/* A program a library user might write: rate an inspection, print its score. */
#include <pdurep/pdurep.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    pdurep_db *db;
    pdurep_ratings *r;
    if (argc != 3 || pdurep_db_open(argv[1], PDUREP_DB_READONLY, &db, NULL) ||
        pdurep_ratings_compute(db, argv[2], &r, NULL))
        return 1;
    printf("%d/%d %s\n", r->score, r->max_score, pdurep_rating_name(r->overall));
    pdurep_ratings_free(r);
    pdurep_db_close(db);
    return 0;
}
