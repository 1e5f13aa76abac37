#include "cli/options.h"
int cmd_import(int argc, char **argv, cli_context *ctx) { (void)argc; (void)argv; (void)ctx; return 70; }
