/* two_args.c - --help, or exactly two inputs that are not options, then the work. */
#include "two_args.h"

#include <string.h>

int two_args_check(int argc, char **argv, void (*usage)(FILE *))
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    /* A leading '-' is an option neither tool has: refuse it rather than
     * read a file called "-x". */
    if (argc != 3 || argv[1][0] == '-' || argv[2][0] == '-') {
        usage(stderr);
        return 2;
    }
    return -1;
}

int two_args_run(int argc, char **argv, void (*usage)(FILE *), two_args_work *work)
{
    int status = two_args_check(argc, argv, usage);
    return status >= 0 ? status : work(argv[1], argv[2], stdout, stderr);
}
