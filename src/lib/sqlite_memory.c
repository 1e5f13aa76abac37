/*
 * Whether SQLite ran out of memory in this process. A failed allocation inside
 * SQLite surfaces as SQLITE_NOMEM only at the call that met it; by the time an
 * error reaches a command it has often become a plain "database error" (the
 * code lost to a later reset or finalize, or a caller that never asked), and
 * the user saw exit 74 and no word of memory. SQLite's own allocator logs every
 * failed malloc and realloc through SQLITE_CONFIG_LOG, so listening there
 * catches them all, whatever path the failure then takes.
 */
#include "pdurep/db.h"
#include "db_internal.h"

#include <sqlite3.h>
#include <stdatomic.h>

static atomic_int memory_failed;
static atomic_flag watching = ATOMIC_FLAG_INIT;

/* Called by SQLite with its own formatted message; it may not allocate, and does not. */
static void on_log(void *unused, int code, const char *msg)
{
    (void)unused;
    (void)msg;
    if ((code & 0xff) == SQLITE_NOMEM || code == SQLITE_IOERR_NOMEM)
        atomic_store(&memory_failed, 1);
}

void pdurep_db_watch_memory(void)
{
    /* SQLite takes a logger only before it initialises (the first open); after that the
     * call fails harmlessly, e.g. for a program that opened SQLite itself first. */
    if (!atomic_flag_test_and_set(&watching))
        sqlite3_config(SQLITE_CONFIG_LOG, on_log, (void *)0);
}

int pdurep_db_memory_failed(void) { return atomic_load(&memory_failed); }
