/*
 * Shared by the fuzz targets: each defines LLVMFuzzerTestOneInput(); built with
 * clang's -fsanitize=fuzzer it is a libFuzzer target, built with replay.c it is
 * a program that runs the corpus files given to it, as the test suite does.
 */
#ifndef PDUREP_FUZZ_H
#define PDUREP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/** A scratch folder of this process, made on first use (the same for every input). */
const char *fuzz_dir(void);

/** Write @p size bytes to @p name inside fuzz_dir(); return its path (static buffer). */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);

#endif
