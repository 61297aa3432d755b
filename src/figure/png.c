/* png.c - SVG to PNG with rsvg-convert or headless chromium, when one is installed. */
#include "png.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

extern char **environ;

/* Runs argv[0] from PATH with stdout and stderr on /dev/null (chromium
 * chatters).  Returns 0 on exit status 0, -1 when the program is not
 * installed, 1 otherwise (the reason in why). */
static int run(char *const argv[], char *why, size_t whysize)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc == ENOENT)
        return -1;
    if (rc != 0) {
        snprintf(why, whysize, "cannot start %s: %s", argv[0], strerror(rc));
        return 1;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            snprintf(why, whysize, "cannot wait for %s: %s", argv[0], strerror(errno));
            return 1;
        }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return 0;
    snprintf(why, whysize, "%s failed (%s %d)", argv[0],
             WIFEXITED(status) ? "exit status" : "signal",
             WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
    return 1;
}

/* "file://" and the absolute path, percent-encoded outside the
 * characters a URL path may hold as they are. */
static bool file_url(const char *path, char *url, size_t size)
{
    char abs[PATH_MAX];
    if (!realpath(path, abs))
        return false;
    size_t n = (size_t)snprintf(url, size, "file://");
    for (const unsigned char *p = (const unsigned char *)abs; *p; p++) {
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || strchr("/-._~", *p);
        if (n + 4 > size)
            return false;
        n += (size_t)snprintf(url + n, size - n, plain ? "%c" : "%%%02X", *p);
    }
    return true;
}

static bool nonempty(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && st.st_size > 0;
}

figure_png_result figure_png(const char *svg_path, const char *png_path, int width, int height,
                             char *why, size_t whysize)
{
    char *rsvg[] = {"rsvg-convert", "-o", (char *)png_path, (char *)svg_path, NULL};
    int rc = run(rsvg, why, whysize);
    if (rc >= 0)
        return rc == 0 ? FIGURE_PNG_DONE : FIGURE_PNG_FAILED;

    char url[3 * PATH_MAX + 16], shot[PATH_MAX + 16], size[64];
    if (!file_url(svg_path, url, sizeof url)) {
        snprintf(why, whysize, "cannot name %s as a URL for chromium", svg_path);
        return FIGURE_PNG_FAILED;
    }
    snprintf(shot, sizeof shot, "--screenshot=%s", png_path);
    snprintf(size, sizeof size, "--window-size=%d,%d", width, height);
    /* --no-sandbox: chromium refuses to start as root without it, and
     * the page is our own file. */
    char *chromium[] = {"chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", shot, size, url, NULL};
    remove(png_path);
    rc = run(chromium, why, whysize);
    if (rc < 0)
        return FIGURE_PNG_NONE;
    if (rc == 0 && !nonempty(png_path)) {
        snprintf(why, whysize, "chromium wrote no %s", png_path);
        rc = 1;
    }
    return rc == 0 ? FIGURE_PNG_DONE : FIGURE_PNG_FAILED;
}
