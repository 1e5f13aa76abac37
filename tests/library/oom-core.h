/* The oom-library calls of the core modules (oom-core.c). */
#ifndef OOM_CORE_H
#define OOM_CORE_H

/* Make the databases the calls of oom_core_call() copy, in folder @p tmp; -1 on failure. */
int oom_core_prepare(const char *call, const char *root, const char *tmp);

/* Run @p call: its exit status, 98 if it failed and changed its database, or -1 if @p call
 * is none of these. */
int oom_core_call(const char *call, const char *root, const char *tmp);

#endif
