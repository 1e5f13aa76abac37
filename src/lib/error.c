#include "pdurep/error.h"

static const char *const messages[PDUREP_ERROR_MAX] = {
    [PDUREP_OK] = "no error",
    [PDUREP_ERROR_USAGE] = "invalid arguments",
    [PDUREP_ERROR_DATA] = "invalid data",
    [PDUREP_ERROR_NO_INPUT] = "input not found",
    [PDUREP_ERROR_EXISTS] = "inspection already exists",
    [PDUREP_ERROR_CANT_CREATE] = "cannot create output",
    [PDUREP_ERROR_IO] = "input/output error",
    [PDUREP_ERROR_DATABASE] = "database error",
    [PDUREP_ERROR_NO_MEMORY] = "out of memory",
    [PDUREP_ERROR_INTERNAL] = "internal error",
};

const char *pdurep_strerror(pdurep_error err)
{
    if ((unsigned)err >= PDUREP_ERROR_MAX)
        return "unknown error";
    return messages[err];
}

int pdurep_exit_status(pdurep_error err)
{
    /* sysexits(3) values, so shell scripts can tell bad data from a full disk. */
    switch (err) {
    case PDUREP_OK: return 0;
    case PDUREP_ERROR_USAGE: return 64;
    case PDUREP_ERROR_DATA:
    case PDUREP_ERROR_EXISTS: return 65;
    case PDUREP_ERROR_NO_INPUT: return 66;
    case PDUREP_ERROR_CANT_CREATE: return 73;
    case PDUREP_ERROR_IO:
    case PDUREP_ERROR_DATABASE: return 74;
    case PDUREP_ERROR_NO_MEMORY:
    case PDUREP_ERROR_INTERNAL:
    default: return 70;
    }
}
