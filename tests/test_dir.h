/* test_dir.h - a fresh directory under /tmp holding a test's files (a
 * run directory, a machine.json), written by name and removed whole: what
 * the tests of readers of a run directory share. */
#ifndef TEST_DIR_H
#define TEST_DIR_H

/* mkdtemp(path_template), asserting that it worked. */
void test_dir_make(char *path_template);

/* Writes body into dir/name, replacing what was there. */
void test_dir_put(const char *dir, const char *name, const char *body);

/* Removes every file in dir, then dir (no subdirectories expected). */
void test_dir_remove(const char *dir);

#endif /* TEST_DIR_H */
