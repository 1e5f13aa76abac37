/*
 * Import-table redirection (see got.h). A shared library reaches a function of another
 * through a slot of its global offset table, filled in by the loader; the slots named
 * in its relocations are found through dl_iterate_phdr and changed. Debian links
 * libraries with full RELRO, so the table is read-only once loaded: its page is made
 * writable only for the moment of the change.
 */
#define _GNU_SOURCE
#include "lib/got.h"

#include <elf.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__x86_64__)
#define SLOT_JUMP R_X86_64_JUMP_SLOT
#define SLOT_DATA R_X86_64_GLOB_DAT
#elif defined(__aarch64__)
#define SLOT_JUMP R_AARCH64_JUMP_SLOT
#define SLOT_DATA R_AARCH64_GLOB_DAT
#endif

#ifdef SLOT_JUMP

/* A dynamic-section address: the loader has added the load address on most systems, not all. */
static uintptr_t dyn_addr(const struct dl_phdr_info *info, ElfW(Addr) a)
{
    return a < info->dlpi_addr ? info->dlpi_addr + a : a;
}

/* Point @p slot at @p to, opening the read-only (RELRO) page it lies on for the moment. */
static int repoint(void **slot, void *to, int relro)
{
    if (!relro) {
        __atomic_store_n(slot, to, __ATOMIC_RELEASE);
        return 0;
    }
    long page = sysconf(_SC_PAGESIZE);
    void *start = (void *)((uintptr_t)slot & ~((uintptr_t)page - 1));
    if (mprotect(start, (size_t)page, PROT_READ | PROT_WRITE))
        return -1;
    __atomic_store_n(slot, to, __ATOMIC_RELEASE);
    return mprotect(start, (size_t)page, PROT_READ) ? -1 : 0;
}

typedef struct watch_state {
    const char *lib;                 /* "/" and the start of the file name */
    const pdurep_got_entry *entries;
    size_t n_entries;
    int found;     /* the library was met */
    int repointed; /* import slots changed */
    int failed;
} watch_state;

/* Change the import slots named in one table of relocations with addends. */
static void repoint_table(const struct dl_phdr_info *info, const ElfW(Rela) *rel, size_t bytes,
                          const ElfW(Sym) *symtab, const char *strtab, uintptr_t relro_from,
                          uintptr_t relro_to, watch_state *w)
{
    for (size_t i = 0; rel && i < bytes / sizeof *rel && !w->failed; i++) {
        unsigned long type = ELF64_R_TYPE(rel[i].r_info);
        if (type != SLOT_JUMP && type != SLOT_DATA)
            continue;
        const char *name = strtab + symtab[ELF64_R_SYM(rel[i].r_info)].st_name;
        for (size_t k = 0; k < w->n_entries; k++) {
            if (strcmp(name, w->entries[k].name))
                continue;
            uintptr_t at = info->dlpi_addr + rel[i].r_offset;
            if (repoint((void **)at, w->entries[k].to, at >= relro_from && at < relro_to))
                w->failed = 1;
            else
                w->repointed++;
        }
    }
}

static int watch_object(struct dl_phdr_info *info, size_t size, void *user)
{
    (void)size;
    watch_state *w = user;
    const char *base = info->dlpi_name ? strrchr(info->dlpi_name, '/') : NULL;
    if (!base || strncmp(base, w->lib, strlen(w->lib)))
        return 0;
    w->found = 1;
    const ElfW(Dyn) *dyn = NULL;
    uintptr_t relro_from = 0, relro_to = 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_DYNAMIC)
            dyn = (const ElfW(Dyn) *)(info->dlpi_addr + ph->p_vaddr);
        else if (ph->p_type == PT_GNU_RELRO) {
            relro_from = info->dlpi_addr + ph->p_vaddr;
            relro_to = relro_from + ph->p_memsz;
        }
    }
    const ElfW(Rela) *jmprel = NULL, *rela = NULL;
    size_t jmprel_bytes = 0, rela_bytes = 0;
    const ElfW(Sym) *symtab = NULL;
    const char *strtab = NULL;
    int pltrel_rela = 1;
    for (; dyn && dyn->d_tag != DT_NULL; dyn++) {
        switch (dyn->d_tag) {
        case DT_JMPREL: jmprel = (const ElfW(Rela) *)dyn_addr(info, dyn->d_un.d_ptr); break;
        case DT_PLTRELSZ: jmprel_bytes = dyn->d_un.d_val; break;
        case DT_PLTREL: pltrel_rela = dyn->d_un.d_val == DT_RELA; break;
        case DT_RELA: rela = (const ElfW(Rela) *)dyn_addr(info, dyn->d_un.d_ptr); break;
        case DT_RELASZ: rela_bytes = dyn->d_un.d_val; break;
        case DT_SYMTAB: symtab = (const ElfW(Sym) *)dyn_addr(info, dyn->d_un.d_ptr); break;
        case DT_STRTAB: strtab = (const char *)dyn_addr(info, dyn->d_un.d_ptr); break;
        default: break;
        }
    }
    if (!symtab || !strtab || !pltrel_rela) {
        w->failed = 1;
        return 1;
    }
    repoint_table(info, jmprel, jmprel_bytes, symtab, strtab, relro_from, relro_to, w);
    repoint_table(info, rela, rela_bytes, symtab, strtab, relro_from, relro_to, w);
    return 1;
}
#endif

int pdurep_got_redirect(const char *lib, const pdurep_got_entry *entries, size_t n)
{
#ifdef SLOT_JUMP
    char prefix[128];
    if ((size_t)snprintf(prefix, sizeof prefix, "/%s", lib) >= sizeof prefix)
        return -1;
    watch_state w = {prefix, entries, n, 0, 0, 0};
    dl_iterate_phdr(watch_object, &w);
    return w.found && w.repointed && !w.failed ? 0 : -1;
#else
    (void)lib, (void)entries, (void)n;
    return -1;
#endif
}
