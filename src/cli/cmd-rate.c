#include "cli/options.h"
int cmd_rate(int argc, char **argv, cli_context *ctx) { (void)argc; (void)argv; (void)ctx; return 70; }
