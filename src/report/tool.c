/* tool.c - read a run, judge every claim, write report.md atomically. */
#include "tool.h"

#include "markdown.h"
#include "rules.h"
#include "write_check.h"

#include <errno.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

int report_tool_run(const char *dir, const char *out_path, FILE *summary_out, FILE *err)
{
    report_run run;
    char msg[1024];
    if (!report_run_load(&run, dir, msg, sizeof msg)) {
        fprintf(err, "report: %s\n", msg);
        return 1;
    }
    claim_result *results = calloc(claim_rule_count, sizeof *results);
    if (!results) {
        fputs("report: out of memory\n", err);
        report_run_free(&run);
        return 1;
    }
    for (size_t i = 0; i < claim_rule_count; i++)
        claim_judge(&claim_rules[i], &run, &results[i]);

    char path[4096], tmp[4200];
    if (out_path)
        snprintf(path, sizeof path, "%s", out_path);
    else
        snprintf(path, sizeof path, "%s/report.md", dir);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int status = 0;
    struct stat st;
    FILE *f = NULL;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* The rename below would replace a symlink by a plain file, or a
         * device by a report; writing through either is a surprise too. */
        fprintf(err, "report: %s is not a regular file (a link, device or directory); "
                     "not replacing it: give --out a file path\n", path);
        status = 1;
    } else if (!(f = fopen(tmp, "w"))) {
        fprintf(err, "report: cannot write %s: %s\n", tmp, strerror(errno));
        status = 1;
    } else {
        report_markdown(f, &run, results);
        bool written = fflush(f) == 0 && !ferror(f);
        int saved = errno;
        if (fclose(f) != 0 || !written || rename(tmp, path) != 0) {
            if (!written)
                errno = saved;
            fprintf(err, "report: cannot write %s: %s\n", path, strerror(errno));
            remove(tmp);
            status = 1;
        }
    }
    if (status == 0 && summary_out) {
        fprintf(summary_out, "Claims on %s (details: %s):\n", dir, path);
        report_summary(summary_out, results);
        status = write_check(summary_out, "report", "the summary", err);
    }
    for (size_t i = 0; i < claim_rule_count; i++)
        claim_result_free(&results[i]);
    free(results);
    report_run_free(&run);
    return status;
}
