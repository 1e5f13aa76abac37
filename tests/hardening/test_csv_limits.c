/*
 * The CSV reader against hostile input: NUL bytes, CR-only line ends, files
 * that are not files, oversized fields, and running out of memory, which must
 * be an error and never the end of the file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "csvfile.h"

#include "../common/csv_collect.h"

static void nul_byte_is_refused_with_its_position(void **state)
{
    (void)state;
    static const char text[] = "region,answer\nNorth\0 Hidden,Y\nok,Y\0N\n";
    seen s;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(read_bytes(text, sizeof text - 1, &s, d), PDUREP_ERROR_DATA);
    assert_int_equal(pdurep_diag_total(d), 2);
    assert_string_equal(pdurep_diag_message(d, 0), "x.csv:2:1: a NUL byte (code 0) at character "
                        "6 of the field (is this a CSV text file?)");
    assert_string_equal(pdurep_diag_message(d, 1), "x.csv:3:2: a NUL byte (code 0) at character "
                        "2 of the field (is this a CSV text file?)");
    pdurep_diag_free(d);
}

static void cr_lf_and_crlf_all_count_physical_lines(void **state)
{
    (void)state;
    static const char *const texts[] = {"a,b\r1,2\r\r\"x\ry\",3\r4,5\r",
                                        "a,b\n1,2\n\n\"x\ny\",3\n4,5\n",
                                        "a,b\r\n1,2\r\n\r\n\"x\r\ny\",3\r\n4,5\r\n"};
    for (int i = 0; i < 3; i++) {
        seen s;
        pdurep_diag *d = pdurep_diag_new(0);
        assert_int_equal(read_bytes(texts[i], strlen(texts[i]), &s, d), PDUREP_OK);
        assert_int_equal(s.rows, 4);
        assert_int_equal(s.lines[0], 1);
        assert_int_equal(s.lines[1], 2);
        assert_int_equal(s.lines[2], 4);
        assert_int_equal(s.lines[3], 6);
        pdurep_diag_free(d);
    }
    /* A CR-only file with a mistake reports the mistake's own line. */
    seen s;
    pdurep_diag *d = pdurep_diag_new(0);
    const char *bad = "a,b\r1,2\r3,\"x\"y\r";
    assert_int_equal(read_bytes(bad, strlen(bad), &s, d), PDUREP_ERROR_DATA);
    assert_non_null(strstr(pdurep_diag_message(d, 0), "x.csv:3:2: malformed quoting"));
    pdurep_diag_free(d);
}

static void crlf_split_between_blocks_is_one_line_end(void **state)
{
    (void)state;
    /* The reader takes 64 KiB at a time: put a CR last in the first block. */
    size_t n = 64 * 1024 + 16;
    char *text = malloc(n);
    memset(text, 'x', n);
    memcpy(text, "a,b\r\n", 5);
    text[64 * 1024 - 1] = '\r';
    text[64 * 1024] = '\n';
    memcpy(text + 64 * 1024 + 1, "c,d\r\ne,f\r\n", 10);
    text[5] = 'y';
    text[6] = ',';
    seen s;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(read_bytes(text, 64 * 1024 + 11, &s, d), PDUREP_OK);
    assert_int_equal(s.rows, 4);
    assert_int_equal(s.lines[1], 2);
    assert_int_equal(s.lines[2], 3);
    assert_int_equal(s.lines[3], 4);
    free(text);
    pdurep_diag_free(d);
}

static void fifo_device_and_folder_are_refused_at_once(void **state)
{
    (void)state;
    char dir[] = "/tmp/pdurep-fifo-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char fifo[64];
    snprintf(fifo, sizeof fifo, "%s/cases.csv", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    /* A hang here fails the test by its timeout; the alarm makes it quick. */
    alarm(10);
    seen s = {0};
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(pdurep_csv_read(fifo, "cases.csv", collect, &s, d), PDUREP_ERROR_DATA);
    assert_string_equal(pdurep_diag_message(d, 0), "cases.csv: is not a regular file (a pipe): "
                        "only plain files are read");
    pdurep_diag_free(d);
    d = pdurep_diag_new(0);
    assert_int_equal(pdurep_csv_read("/dev/zero", "zero.csv", collect, &s, d), PDUREP_ERROR_DATA);
    assert_string_equal(pdurep_diag_message(d, 0), "zero.csv: is not a regular file (a device): "
                        "only plain files are read");
    pdurep_diag_free(d);
    d = pdurep_diag_new(0);
    assert_int_equal(pdurep_csv_read(dir, "dir.csv", collect, &s, d), PDUREP_ERROR_DATA);
    assert_string_equal(pdurep_diag_message(d, 0), "dir.csv: is a folder, not a file");
    pdurep_diag_free(d);
    alarm(0);
    assert_int_equal(s.rows, 0);
    unlink(fifo);
    rmdir(dir);
}

static void oversized_field_is_refused(void **state)
{
    (void)state;
    size_t n = PDUREP_CSV_MAX_FIELD + 100;
    char *text = malloc(n + 16);
    memcpy(text, "a,b\n1,", 6);
    memset(text + 6, 'z', n);
    memcpy(text + 6 + n, "\n", 1);
    seen s;
    pdurep_diag *d = pdurep_diag_new(0);
    assert_int_equal(read_bytes(text, n + 7, &s, d), PDUREP_ERROR_DATA);
    assert_string_equal(pdurep_diag_message(d, 0),
                        "x.csv:2:2: field is longer than the limit of 1048576 bytes");
    free(text);
    pdurep_diag_free(d);
}

static void oversized_file_is_refused_before_reading(void **state)
{
    (void)state;
    strcpy(path, "/tmp/pdurep-csv-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    /* A sparse file: its size is what counts, and none of it is read. */
    assert_int_equal(ftruncate(fd, (off_t)PDUREP_CSV_MAX_FILE + 1), 0);
    close(fd);
    seen s = {0};
    pdurep_diag *d = pdurep_diag_new(0);
    clock_t t0 = clock();
    assert_int_equal(pdurep_csv_read(path, "big.csv", collect, &s, d), PDUREP_ERROR_DATA);
    assert_true(clock() - t0 < CLOCKS_PER_SEC / 2);
    assert_string_equal(pdurep_diag_message(d, 0), "big.csv: file of 1073741825 bytes is "
                        "larger than the limit of 1073741824 bytes");
    unlink(path);
    pdurep_diag_free(d);
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static void out_of_memory_is_an_error_not_the_end(void **state)
{
    (void)state;
#ifdef UNDER_ASAN
    /* AddressSanitizer reserves terabytes of address space: RLIMIT_AS cannot apply. */
    skip();
#else
    /* One record of four million empty fields: the reader needs about 100 MB for it. */
    size_t n = 4 * 1024 * 1024;
    char *text = malloc(n + 32);
    memcpy(text, "a\n1\n", 4);
    memset(text + 4, ',', n);
    memcpy(text + 4 + n, "\n2\n", 3);
    write_file(text, n + 7);
    free(text);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* Only 48 MB more than the child has now. */
        unsigned long pages = 0;
        FILE *f = fopen("/proc/self/statm", "r");
        if (!f || fscanf(f, "%lu", &pages) != 1)
            _exit(2);
        fclose(f);
        struct rlimit rl;
        rl.rlim_cur = rl.rlim_max = pages * (rlim_t)sysconf(_SC_PAGESIZE) + 48 * 1024 * 1024;
        if (setrlimit(RLIMIT_AS, &rl) != 0)
            _exit(2);
        seen s = {0};
        pdurep_diag *d = pdurep_diag_new(0);
        pdurep_error err = pdurep_csv_read(path, "x.csv", collect, &s, d);
        int ok = err == PDUREP_ERROR_NO_MEMORY && s.rows == 2 &&
                 !strcmp(pdurep_diag_message(d, 0), "x.csv:3: out of memory while reading the "
                         "record that starts on this line");
        if (!ok)
            fprintf(stderr, "err %d, rows %d, message %s\n", err, s.rows,
                    pdurep_diag_count(d) ? pdurep_diag_message(d, 0) : "(none)");
        _exit(ok ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    unlink(path);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nul_byte_is_refused_with_its_position),
        cmocka_unit_test(cr_lf_and_crlf_all_count_physical_lines),
        cmocka_unit_test(crlf_split_between_blocks_is_one_line_end),
        cmocka_unit_test(fifo_device_and_folder_are_refused_at_once),
        cmocka_unit_test(oversized_field_is_refused),
        cmocka_unit_test(oversized_file_is_refused_before_reading),
        cmocka_unit_test(out_of_memory_is_an_error_not_the_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
