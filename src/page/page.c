/*
 * page.c - the whole index.html (page.h): head with the policy, styles
 * and title, the verdict lines, the machine card, the side-by-side table,
 * each claim's section, the script.
 */
#include "page/page.h"

#include "page/assets.h"
#include "page/card.h"
#include "page/claim.h"
#include "page/html.h"
#include "page/side.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

static bool nonce_ok(const char *n)
{
    size_t len = n ? strlen(n) : 0;
    if (len == 0 || len > 64)
        return false;
    return strspn(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") == len;
}

/* 128 random bits as hex: a script added to the page's text by anyone
 * but this program cannot know it. */
static void fresh_nonce(char out[33])
{
    unsigned char b[16] = {0};
    if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) {
        /* Without randomness the nonce is still unknown to the data's
         * author, who wrote the files before this run. */
        unsigned long v = (unsigned long)getpid() ^ (unsigned long)(size_t)&b;
        memcpy(b, &v, sizeof v < sizeof b ? sizeof v : sizeof b);
    }
    for (size_t i = 0; i < sizeof b; i++)
        snprintf(out + 2 * i, 3, "%02x", b[i]);
}

static void head(FILE *out, const page_run *run, const page_run *against, const char *nonce)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", out);
    fprintf(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                 "img-src data:; style-src 'unsafe-inline'; script-src 'nonce-%s'\">\n", nonce);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    fputs("memlayout: ", out);
    html_text(out, page_run_name(run));
    if (against) {
        fputs(" against ", out);
        html_text(out, page_run_name(against));
    }
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n", page_style);
}

static void top(FILE *out, const page_run *run, const page_run *against)
{
    fputs("<body>\n<header id=\"top\">\n<h1>What memory layout costs: run ", out);
    html_text(out, page_run_name(run));
    fputs("</h1>\n<p class=\"sub\">", out);
    const char *generated = json_string_value(json_object_get(run->report, "generated"));
    if (generated) {
        fputs("Judged ", out);
        html_text(out, generated);
        fputs(". ", out);
    }
    if (against) {
        fputs("Compared with run ", out);
        html_text(out, page_run_name(against));
        fputs(". ", out);
    }
    fputs("Each line links to the claim's section; hover a plot to read its values.</p>\n"
          "</header>\n<ul class=\"verdicts\">\n", out);
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(run->report, "claims"), i, c)
        page_claim_line(out, c);
    fputs("</ul>\n", out);
}

bool page_write(FILE *out, const page_run *run, const page_run *against,
                const char *link_base, const char *nonce)
{
    char fresh[33];
    if (!nonce_ok(nonce)) {
        fresh_nonce(fresh);
        nonce = fresh;
    }
    head(out, run, against, nonce);
    top(out, run, against);
    page_machine_card(out, run);
    if (against)
        side_summary(out, run, against);
    claim_seen seen = {0};
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(run->report, "claims"), i, c)
        page_claim_section(out, run, c, i, against, link_base ? link_base : "", &seen);
    claim_seen_free(&seen);
    fprintf(out, "<script nonce=\"%s\">\n%s</script>\n</body>\n</html>\n", nonce, page_script);
    return fflush(out) == 0 && !ferror(out);
}

bool page_write_file(const char *path, const page_run *run, const page_run *against,
                     const char *link_base, char *err, size_t errsize)
{
    size_t n = strlen(path) + sizeof ".tmp.XXXXXX";
    char *tmp = malloc(n);
    if (!tmp) {
        snprintf(err, errsize, "%s: out of memory", path);
        return false;
    }
    snprintf(tmp, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp);
    FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!out) {
        snprintf(err, errsize, "%s: cannot write beside it: %s", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        free(tmp);
        return false;
    }
    bool ok = page_write(out, run, against, link_base, NULL);
    /* mkstemp makes the file 0600; a page is for reading by others. */
    ok = fchmod(fd, 0644) == 0 && ok;
    ok = fclose(out) == 0 && ok;
    if (ok && rename(tmp, path) != 0)
        ok = false;
    if (!ok) {
        snprintf(err, errsize, "%s: cannot be written: %s", path, strerror(errno ? errno : EIO));
        unlink(tmp);
    }
    free(tmp);
    return ok;
}
