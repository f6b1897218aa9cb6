/*
 * Disk faults for one folder, loaded with LD_PRELOAD: a read-only, full or
 * failing disk under FAULT_PREFIX, everything else untouched. No root, no
 * mounts. Used by Tests/diskfaults/check.sh.
 *
 *   cc -shared -fPIC -O2 -o faults.so faults.c -ldl
 *   FAULT_PREFIX=/abs/dir FAULT_MODE=enospc LD_PRELOAD=./faults.so cmd …
 *
 * FAULT_PREFIX  absolute folder; only paths equal to it or under it are affected
 *               (made physical with realpath when it exists)
 * FAULT_MODE    erofs   creating, writing, renaming or removing anything under
 *                       the prefix fails with EROFS (as on a read-only mount:
 *                       EEXIST still wins for an existing folder or O_EXCL file)
 *               enospc  data written to files opened under the prefix fails with
 *                       ENOSPC once FAULT_AFTER_BYTES bytes have been written
 *                       (the last write before that is short, as on a filling disk)
 *               eio     the same with EIO (and fsync fails with EIO)
 * FAULT_AFTER_BYTES  bytes let through first, over all files of the process (default 0)
 * FAULT_FULL    with enospc or eio: once the bytes are spent, creating files and
 *               folders under the prefix fails too (a disk with no block left)
 * FAULT_LOG     file to append one line to per injected fault (and "loaded" once
 *               per process), so that a test can tell that faults really happened
 * FAULT_DEBUG=1 prints "faults: loaded …" on stderr at start
 *
 * Intercepted: open/open64/openat/openat64 (and their _2 fortify forms), creat,
 * fopen, mkstemp and friends, mkdir/mkdirat, rename/renameat/renameat2 and
 * syscall(SYS_renameat2 / SYS_rename / SYS_renameat / SYS_openat / SYS_mkdirat),
 * link/linkat, symlink/symlinkat, unlink/unlinkat, rmdir, remove,
 * truncate, write/pwrite/writev/pwritev…, sendfile, copy_file_range,
 * ftruncate, fallocate, posix_fallocate, fsync/fdatasync/sync_file_range; file
 * descriptors opened for writing under the prefix are tracked (through dup and
 * fcntl(F_DUPFD) too) and forgotten on close. Calls made inside the C library
 * itself (stdio's fwrite) are not seen.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef O_TMPFILE
#define O_TMPFILE (020000000 | O_DIRECTORY)
#endif

enum mode { MODE_OFF, MODE_EROFS, MODE_ENOSPC, MODE_EIO };

static enum mode fault_mode = MODE_OFF;
static char prefix[PATH_MAX];
static size_t prefix_length;
static long long remaining;      /* bytes still allowed; updated atomically */
static int full_disk;
static int log_fd = -1;
#define MAX_FDS 65536
static unsigned char tracked[MAX_FDS];

/* The fortified forms (_FORTIFY_SOURCE), not declared by the headers. */
int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags);

/* Every intercepted function, once: X(name) for each. */
#define FOR_EACH_SYMBOL(X) \
    X(open) X(open64) X(openat) X(openat64) X(creat) X(creat64) \
    X(__open_2) X(__open64_2) X(__openat_2) X(__openat64_2) \
    X(fopen) X(fopen64) \
    X(mkstemp) X(mkstemp64) X(mkostemp) X(mkostemp64) \
    X(mkstemps) X(mkstemps64) X(mkostemps) X(mkostemps64) \
    X(mkdir) X(mkdirat) \
    X(rename) X(renameat) X(renameat2) \
    X(link) X(linkat) X(symlink) X(symlinkat) \
    X(unlink) X(unlinkat) X(rmdir) X(remove) \
    X(truncate) X(truncate64) \
    X(write) X(pwrite) X(pwrite64) X(writev) X(pwritev) X(pwritev64) \
    X(pwritev2) X(pwritev64v2) \
    X(sendfile) X(sendfile64) X(copy_file_range) \
    X(ftruncate) X(ftruncate64) X(fallocate) X(fallocate64) \
    X(posix_fallocate) X(posix_fallocate64) \
    X(fsync) X(fdatasync) X(sync_file_range) \
    X(close) X(dup) X(dup2) X(dup3) X(fcntl) X(fcntl64) \
    X(syscall)

#define REAL(name) static __typeof__(name) *real_##name;
FOR_EACH_SYMBOL(REAL)

#define LOAD(name) real_##name = (__typeof__(real_##name))dlsym(RTLD_NEXT, #name);

static void load_symbols(void) {
    FOR_EACH_SYMBOL(LOAD)
}

/* Raw write, never intercepted (for the log and the debug line). */
static void raw_write(int fd, const char *text) {
    size_t length = strlen(text);
    while (length > 0) {
        long n = real_syscall(SYS_write, fd, text, length);
        if (n <= 0) return;
        text += n;
        length -= (size_t)n;
    }
}

static void note(const char *what, const char *path, int error) {
    if (log_fd < 0) return;
    char line[PATH_MAX + 128];
    snprintf(line, sizeof line, "%d %s %s: %s\n", (int)getpid(), what, path ? path : "-", error ? strerror(error) : "");
    raw_write(log_fd, line);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void initialize(void) {
    load_symbols();
    const char *mode = getenv("FAULT_MODE");
    const char *given = getenv("FAULT_PREFIX");
    if (!mode || !given || given[0] != '/') return;
    if (strcmp(mode, "erofs") == 0) fault_mode = MODE_EROFS;
    else if (strcmp(mode, "enospc") == 0) fault_mode = MODE_ENOSPC;
    else if (strcmp(mode, "eio") == 0) fault_mode = MODE_EIO;
    else return;
    if (!realpath(given, prefix)) snprintf(prefix, sizeof prefix, "%s", given);
    prefix_length = strlen(prefix);
    while (prefix_length > 1 && prefix[prefix_length - 1] == '/') prefix[--prefix_length] = 0;
    const char *after = getenv("FAULT_AFTER_BYTES");
    remaining = after ? atoll(after) : 0;
    if (remaining < 0) remaining = 0;
    const char *full = getenv("FAULT_FULL");
    full_disk = full && full[0] && strcmp(full, "0") != 0;
    const char *log = getenv("FAULT_LOG");
    if (log && log[0]) log_fd = (int)real_syscall(SYS_openat, AT_FDCWD, log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    note(mode, prefix, 0);
    const char *debug = getenv("FAULT_DEBUG");
    if (debug && strcmp(debug, "1") == 0) {
        char line[PATH_MAX + 64];
        snprintf(line, sizeof line, "faults: loaded (mode %s, prefix %s)\n", mode, prefix);
        raw_write(2, line);
    }
}

__attribute__((constructor)) static void start(void) { pthread_once(&once, initialize); }

static inline void init(void) { pthread_once(&once, initialize); }

/* Lexically normalizes an absolute path in place ("//", "." and ".." removed). */
static void normalize(char *path) {
    char out[PATH_MAX];
    size_t length = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/') p++;
        if (!*p) break;
        const char *end = strchr(p, '/');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == 1 && p[0] == '.') {
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (length > 0 && out[length - 1] != '/') length--;
            if (length > 0) length--;
        } else if (length + 1 + n < sizeof out) {
            out[length++] = '/';
            memcpy(out + length, p, n);
            length += n;
        }
        p += n;
    }
    if (length == 0) out[length++] = '/';
    out[length] = 0;
    memcpy(path, out, length + 1);
}

static int has_prefix(const char *path) {
    if (strncmp(path, prefix, prefix_length) != 0) return 0;
    return path[prefix_length] == 0 || path[prefix_length] == '/' || prefix_length == 1;
}

/* Whether `path` (relative to `dirfd`) is the prefix or under it. */
static int affected(int dirfd, const char *path) {
    init();
    if (fault_mode == MODE_OFF || !path) return 0;
    int saved = errno;
    char full[PATH_MAX * 2];
    if (path[0] == '/') {
        snprintf(full, sizeof full, "%s", path);
    } else {
        char base[PATH_MAX];
        if (dirfd == AT_FDCWD) {
            if (!getcwd(base, sizeof base)) { errno = saved; return 0; }
        } else {
            char link[64];
            snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
            ssize_t n = readlink(link, base, sizeof base - 1);
            if (n < 0) { errno = saved; return 0; }
            base[n] = 0;
        }
        snprintf(full, sizeof full, "%s/%s", base, path);
    }
    normalize(full);
    int result = has_prefix(full);
    if (!result) {
        /* The folder holding it may reach the prefix through a symbolic link. */
        char folder[PATH_MAX * 2], real[PATH_MAX];
        snprintf(folder, sizeof folder, "%s", full);
        char *slash = strrchr(folder, '/');
        const char *name = slash ? slash + 1 : folder;
        if (slash && slash != folder) {
            *slash = 0;
            if (realpath(folder, real)) {
                char joined[PATH_MAX * 2];
                snprintf(joined, sizeof joined, "%s/%s", real, name);
                result = has_prefix(joined);
            }
        }
    }
    errno = saved;
    return result;
}

static int exists_at(int dirfd, const char *path) {
    int saved = errno;
    struct stat info;
    int result = fstatat(dirfd, path, &info, AT_SYMLINK_NOFOLLOW) == 0;
    errno = saved;
    return result;
}

static int data_error(void) { return fault_mode == MODE_EIO ? EIO : ENOSPC; }

static int spent(void) { return __atomic_load_n(&remaining, __ATOMIC_SEQ_CST) <= 0; }

static long fail(const char *what, const char *path, int error) {
    note(what, path, error);
    errno = error;
    return -1;
}

/* Whether creating a new entry at path must fail, and with which error (0: no). */
static int creation_error(int dirfd, const char *path) {
    if (!affected(dirfd, path)) return 0;
    if (fault_mode == MODE_EROFS) return EROFS;
    if (full_disk && spent()) return data_error();
    return 0;
}

static void track(int fd) { if (fd >= 0 && fd < MAX_FDS) tracked[fd] = 1; }
static void untrack(int fd) { if (fd >= 0 && fd < MAX_FDS) tracked[fd] = 0; }
static int is_tracked(int fd) { init(); return fault_mode != MODE_OFF && fd >= 0 && fd < MAX_FDS && tracked[fd]; }

static int modifies(int flags) {
    int access = flags & O_ACCMODE;
    return access == O_WRONLY || access == O_RDWR || (flags & (O_CREAT | O_TRUNC)) || (flags & O_TMPFILE) == O_TMPFILE;
}

/* The decision for an open: -1 with errno set when it must fail, else 1 to track the
   resulting descriptor, 0 to leave it alone. */
static int check_open(int dirfd, const char *path, int flags) {
    init();
    if (fault_mode == MODE_OFF || !modifies(flags) || !affected(dirfd, path)) return 0;
    int exists = exists_at(dirfd, path);
    if ((flags & O_CREAT) && (flags & O_EXCL) && exists) return 0; /* EEXIST from the real call */
    int access = flags & O_ACCMODE;
    if (fault_mode == MODE_EROFS) {
        if (access == O_WRONLY || access == O_RDWR || (flags & O_TRUNC) || !exists)
            return (int)fail("open", path, EROFS);
        return 0;
    }
    if (full_disk && spent() && (!exists || (flags & O_TMPFILE) == O_TMPFILE))
        return (int)fail("open", path, data_error());
    return 1;
}

static int needs_mode(int flags) { return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE; }

/* Checks an open of `path` with `flags`, then makes `call` and tracks the descriptor it returns. */
#define CHECKED_OPEN(dirfd, flags, call)                         \
    int decision = check_open(dirfd, path, flags);               \
    if (decision < 0) return -1;                                 \
    int fd = call;                                               \
    if (decision > 0 && fd >= 0) track(fd);                      \
    return fd;

#define OPEN_BODY(dirfd, call)                                   \
    mode_t mode = 0;                                             \
    if (needs_mode(flags)) {                                     \
        va_list ap;                                              \
        va_start(ap, flags);                                     \
        mode = (mode_t)va_arg(ap, int);                          \
        va_end(ap);                                              \
    }                                                            \
    CHECKED_OPEN(dirfd, flags, call)

int open(const char *path, int flags, ...) { OPEN_BODY(AT_FDCWD, real_open(path, flags, mode)) }
int open64(const char *path, int flags, ...) { OPEN_BODY(AT_FDCWD, real_open64(path, flags, mode)) }
int openat(int dirfd, const char *path, int flags, ...) { OPEN_BODY(dirfd, real_openat(dirfd, path, flags, mode)) }
int openat64(int dirfd, const char *path, int flags, ...) { OPEN_BODY(dirfd, real_openat64(dirfd, path, flags, mode)) }

int __open_2(const char *path, int flags) { CHECKED_OPEN(AT_FDCWD, flags, real___open_2(path, flags)) }
int __open64_2(const char *path, int flags) { CHECKED_OPEN(AT_FDCWD, flags, real___open64_2(path, flags)) }
int __openat_2(int dirfd, const char *path, int flags) { CHECKED_OPEN(dirfd, flags, real___openat_2(dirfd, path, flags)) }
int __openat64_2(int dirfd, const char *path, int flags) { CHECKED_OPEN(dirfd, flags, real___openat64_2(dirfd, path, flags)) }

int creat(const char *path, mode_t mode) { CHECKED_OPEN(AT_FDCWD, O_CREAT | O_WRONLY | O_TRUNC, real_creat(path, mode)) }
int creat64(const char *path, mode_t mode) { CHECKED_OPEN(AT_FDCWD, O_CREAT | O_WRONLY | O_TRUNC, real_creat64(path, mode)) }

static int fopen_flags(const char *how) {
    if (!how) return 0;
    int plus = strchr(how, '+') != NULL;
    switch (how[0]) {
    case 'w': return O_CREAT | O_TRUNC | (plus ? O_RDWR : O_WRONLY);
    case 'a': return O_CREAT | O_APPEND | (plus ? O_RDWR : O_WRONLY);
    case 'r': return plus ? O_RDWR : O_RDONLY;
    default: return 0;
    }
}
FILE *fopen(const char *path, const char *how) {
    int decision = check_open(AT_FDCWD, path, fopen_flags(how));
    if (decision < 0) return NULL;
    FILE *file = real_fopen(path, how);
    if (decision > 0 && file) track(fileno(file));
    return file;
}
FILE *fopen64(const char *path, const char *how) {
    int decision = check_open(AT_FDCWD, path, fopen_flags(how));
    if (decision < 0) return NULL;
    FILE *file = real_fopen64(path, how);
    if (decision > 0 && file) track(fileno(file));
    return file;
}

/* mkstemp and friends open inside the C library: checked by the template's folder. */
#define TEMP_BODY(call)                                                  \
    int error = creation_error(AT_FDCWD, template);                      \
    if (error) return (int)fail("mkstemp", template, error);             \
    int tracked_fd = affected(AT_FDCWD, template);                       \
    int fd = call;                                                       \
    if (tracked_fd && fd >= 0) track(fd);                                \
    return fd;

int mkstemp(char *template) { TEMP_BODY(real_mkstemp(template)) }
int mkstemp64(char *template) { TEMP_BODY(real_mkstemp64(template)) }
int mkostemp(char *template, int flags) { TEMP_BODY(real_mkostemp(template, flags)) }
int mkostemp64(char *template, int flags) { TEMP_BODY(real_mkostemp64(template, flags)) }
int mkstemps(char *template, int suffix) { TEMP_BODY(real_mkstemps(template, suffix)) }
int mkstemps64(char *template, int suffix) { TEMP_BODY(real_mkstemps64(template, suffix)) }
int mkostemps(char *template, int suffix, int flags) { TEMP_BODY(real_mkostemps(template, suffix, flags)) }
int mkostemps64(char *template, int suffix, int flags) { TEMP_BODY(real_mkostemps64(template, suffix, flags)) }

/* A new entry (folder, link): EEXIST wins over the fault, as in the kernel. */
static int check_create(int dirfd, const char *path, const char *what) {
    int error = creation_error(dirfd, path);
    if (!error) return 0;
    if (exists_at(dirfd, path)) return 0;
    return (int)fail(what, path, error);
}

int mkdir(const char *path, mode_t mode) {
    if (check_create(AT_FDCWD, path, "mkdir")) return -1;
    return real_mkdir(path, mode);
}
int mkdirat(int dirfd, const char *path, mode_t mode) {
    if (check_create(dirfd, path, "mkdirat")) return -1;
    return real_mkdirat(dirfd, path, mode);
}
int symlink(const char *target, const char *path) {
    if (check_create(AT_FDCWD, path, "symlink")) return -1;
    return real_symlink(target, path);
}
int symlinkat(const char *target, int dirfd, const char *path) {
    if (check_create(dirfd, path, "symlinkat")) return -1;
    return real_symlinkat(target, dirfd, path);
}
int link(const char *from, const char *to) {
    if (check_create(AT_FDCWD, to, "link")) return -1;
    return real_link(from, to);
}
int linkat(int fromfd, const char *from, int tofd, const char *to, int flags) {
    if (check_create(tofd, to, "linkat")) return -1;
    return real_linkat(fromfd, from, tofd, to, flags);
}

/* Renames and removals: only a read-only disk refuses them. */
static int check_change(int dirfd, const char *path, const char *what) {
    init();
    if (fault_mode != MODE_EROFS || !affected(dirfd, path)) return 0;
    if (!exists_at(dirfd, path)) return 0; /* ENOENT from the real call */
    return (int)fail(what, path, EROFS);
}
static int check_rename(int fromfd, const char *from, int tofd, const char *to, const char *what) {
    init();
    if (fault_mode != MODE_EROFS) return 0;
    if (affected(fromfd, from) || affected(tofd, to)) return (int)fail(what, to, EROFS);
    return 0;
}

int rename(const char *from, const char *to) {
    if (check_rename(AT_FDCWD, from, AT_FDCWD, to, "rename")) return -1;
    return real_rename(from, to);
}
int renameat(int fromfd, const char *from, int tofd, const char *to) {
    if (check_rename(fromfd, from, tofd, to, "renameat")) return -1;
    return real_renameat(fromfd, from, tofd, to);
}
int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned int flags) {
    if (check_rename(fromfd, from, tofd, to, "renameat2")) return -1;
    if (!real_renameat2) return (int)syscall(SYS_renameat2, fromfd, from, tofd, to, flags);
    return real_renameat2(fromfd, from, tofd, to, flags);
}
int unlink(const char *path) {
    if (check_change(AT_FDCWD, path, "unlink")) return -1;
    return real_unlink(path);
}
int unlinkat(int dirfd, const char *path, int flags) {
    if (check_change(dirfd, path, "unlinkat")) return -1;
    return real_unlinkat(dirfd, path, flags);
}
int rmdir(const char *path) {
    if (check_change(AT_FDCWD, path, "rmdir")) return -1;
    return real_rmdir(path);
}
int remove(const char *path) {
    if (check_change(AT_FDCWD, path, "remove")) return -1;
    return real_remove(path);
}
int truncate(const char *path, off_t length) {
    if (check_change(AT_FDCWD, path, "truncate")) return -1;
    return real_truncate(path, length);
}
int truncate64(const char *path, off64_t length) {
    if (check_change(AT_FDCWD, path, "truncate64")) return -1;
    return real_truncate64(path, length);
}

/* syscall(2): the tool's renameat2 shim calls the kernel directly. Six arguments are
   read whatever the call (as the C library's own syscall() does). */
long syscall(long number, ...) {
    va_list ap;
    va_start(ap, number);
    long a = va_arg(ap, long), b = va_arg(ap, long), c = va_arg(ap, long);
    long d = va_arg(ap, long), e = va_arg(ap, long), f = va_arg(ap, long);
    va_end(ap);
    init();
    if (fault_mode != MODE_OFF) {
        switch (number) {
#ifdef SYS_renameat2
        case SYS_renameat2:
            if (check_rename((int)a, (const char *)b, (int)c, (const char *)d, "renameat2")) return -1;
            break;
#endif
#ifdef SYS_renameat
        case SYS_renameat:
            if (check_rename((int)a, (const char *)b, (int)c, (const char *)d, "renameat")) return -1;
            break;
#endif
#ifdef SYS_rename
        case SYS_rename:
            if (check_rename(AT_FDCWD, (const char *)a, AT_FDCWD, (const char *)b, "rename")) return -1;
            break;
#endif
#ifdef SYS_mkdirat
        case SYS_mkdirat:
            if (check_create((int)a, (const char *)b, "mkdirat")) return -1;
            break;
#endif
#ifdef SYS_openat
        case SYS_openat: {
            int decision = check_open((int)a, (const char *)b, (int)c);
            if (decision < 0) return -1;
            long fd = real_syscall(number, a, b, c, d, e, f);
            if (decision > 0 && fd >= 0) track((int)fd);
            return fd;
        }
#endif
        default:
            break;
        }
    }
    return real_syscall(number, a, b, c, d, e, f);
}

/* Takes up to `wanted` bytes of the budget; 0 when it is spent. */
static size_t reserve(size_t wanted) {
    long long now = __atomic_load_n(&remaining, __ATOMIC_SEQ_CST);
    for (;;) {
        if (now <= 0) return 0;
        long long take = (long long)wanted < now ? (long long)wanted : now;
        if (__atomic_compare_exchange_n(&remaining, &now, now - take, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
            return (size_t)take;
    }
}
static void give_back(size_t bytes) { if (bytes) __atomic_add_fetch(&remaining, (long long)bytes, __ATOMIC_SEQ_CST); }

static char *fd_path(int fd, char *buffer, size_t size) {
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, buffer, size - 1);
    if (n < 0) n = 0;
    buffer[n] = 0;
    return buffer;
}

static ssize_t fail_fd(const char *what, int fd) {
    char path[PATH_MAX];
    return fail(what, fd_path(fd, path, sizeof path), fault_mode == MODE_EROFS ? EROFS : data_error());
}

/* Writes through `call` with `count` clamped to the budget. */
#define WRITE_BODY(what, fd, count, call)                                \
    if (!is_tracked(fd) || (count) == 0) { size_t allowed = (count); return call; } \
    size_t allowed = reserve(count);                                     \
    if (allowed == 0) return fail_fd(what, fd);                          \
    ssize_t written = call;                                              \
    give_back(written < 0 ? allowed : allowed - (size_t)written);        \
    return written;

ssize_t write(int fd, const void *buffer, size_t count) { WRITE_BODY("write", fd, count, real_write(fd, buffer, allowed)) }
ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    WRITE_BODY("pwrite", fd, count, real_pwrite(fd, buffer, allowed, offset))
}
ssize_t pwrite64(int fd, const void *buffer, size_t count, off64_t offset) {
    WRITE_BODY("pwrite64", fd, count, real_pwrite64(fd, buffer, allowed, offset))
}
ssize_t sendfile(int out, int in, off_t *offset, size_t count) { WRITE_BODY("sendfile", out, count, real_sendfile(out, in, offset, allowed)) }
ssize_t sendfile64(int out, int in, off64_t *offset, size_t count) {
    WRITE_BODY("sendfile64", out, count, real_sendfile64(out, in, offset, allowed))
}
ssize_t copy_file_range(int in, off64_t *in_offset, int out, off64_t *out_offset, size_t count, unsigned int flags) {
    WRITE_BODY("copy_file_range", out, count, real_copy_file_range(in, in_offset, out, out_offset, allowed, flags))
}

/* Vector writes: the vector is cut to the budget. */
static size_t total(const struct iovec *vector, int count) {
    size_t sum = 0;
    for (int i = 0; i < count; i++) sum += vector[i].iov_len;
    return sum;
}
static int clamp(const struct iovec *vector, int count, size_t allowed, struct iovec *out) {
    int n = 0;
    for (int i = 0; i < count && i < IOV_MAX && allowed > 0; i++) {
        out[n] = vector[i];
        if (out[n].iov_len > allowed) out[n].iov_len = allowed;
        allowed -= out[n].iov_len;
        n++;
    }
    return n;
}
#define WRITEV_BODY(what, fd, vector, count, call)                           \
    if (!is_tracked(fd) || total(vector, count) == 0) { const struct iovec *v = vector; int n = count; return call; } \
    size_t allowed = reserve(total(vector, count));                          \
    if (allowed == 0) return fail_fd(what, fd);                              \
    struct iovec cut[IOV_MAX];                                               \
    int n = clamp(vector, count, allowed, cut);                              \
    const struct iovec *v = cut;                                             \
    ssize_t written = call;                                                  \
    give_back(written < 0 ? allowed : allowed - (size_t)written);            \
    return written;

ssize_t writev(int fd, const struct iovec *vector, int count) { WRITEV_BODY("writev", fd, vector, count, real_writev(fd, v, n)) }
ssize_t pwritev(int fd, const struct iovec *vector, int count, off_t offset) {
    WRITEV_BODY("pwritev", fd, vector, count, real_pwritev(fd, v, n, offset))
}
ssize_t pwritev64(int fd, const struct iovec *vector, int count, off64_t offset) {
    WRITEV_BODY("pwritev64", fd, vector, count, real_pwritev64(fd, v, n, offset))
}
ssize_t pwritev2(int fd, const struct iovec *vector, int count, off_t offset, int flags) {
    WRITEV_BODY("pwritev2", fd, vector, count, real_pwritev2(fd, v, n, offset, flags))
}
ssize_t pwritev64v2(int fd, const struct iovec *vector, int count, off64_t offset, int flags) {
    WRITEV_BODY("pwritev64v2", fd, vector, count, real_pwritev64v2(fd, v, n, offset, flags))
}

/* Growing a file needs space too. */
int ftruncate(int fd, off_t length) {
    if (is_tracked(fd) && length > 0 && spent()) return (int)fail_fd("ftruncate", fd);
    return real_ftruncate(fd, length);
}
int ftruncate64(int fd, off64_t length) {
    if (is_tracked(fd) && length > 0 && spent()) return (int)fail_fd("ftruncate64", fd);
    return real_ftruncate64(fd, length);
}
int fallocate(int fd, int how, off_t offset, off_t length) {
    if (is_tracked(fd) && length > 0 && spent()) return (int)fail_fd("fallocate", fd);
    return real_fallocate(fd, how, offset, length);
}
int fallocate64(int fd, int how, off64_t offset, off64_t length) {
    if (is_tracked(fd) && length > 0 && spent()) return (int)fail_fd("fallocate64", fd);
    return real_fallocate64(fd, how, offset, length);
}
/* posix_fallocate returns the error instead of setting errno. */
int posix_fallocate(int fd, off_t offset, off_t length) {
    if (is_tracked(fd) && length > 0 && spent()) { fail_fd("posix_fallocate", fd); return errno; }
    return real_posix_fallocate(fd, offset, length);
}
int posix_fallocate64(int fd, off64_t offset, off64_t length) {
    if (is_tracked(fd) && length > 0 && spent()) { fail_fd("posix_fallocate64", fd); return errno; }
    return real_posix_fallocate64(fd, offset, length);
}

/* Flushing to a failing disk reports the error (a full one: delayed allocation can too). */
int fsync(int fd) {
    if (is_tracked(fd) && spent()) return (int)fail_fd("fsync", fd);
    return real_fsync(fd);
}
int fdatasync(int fd) {
    if (is_tracked(fd) && spent()) return (int)fail_fd("fdatasync", fd);
    return real_fdatasync(fd);
}
int sync_file_range(int fd, off64_t offset, off64_t count, unsigned int flags) {
    if (is_tracked(fd) && spent()) return (int)fail_fd("sync_file_range", fd);
    return real_sync_file_range(fd, offset, count, flags);
}

/* Descriptor bookkeeping. */
int close(int fd) {
    init();
    untrack(fd);
    return real_close(fd);
}
int dup(int fd) {
    init();
    int copy = real_dup(fd);
    if (copy >= 0 && is_tracked(fd)) track(copy);
    return copy;
}
int dup2(int fd, int to) {
    init();
    int copy = real_dup2(fd, to);
    if (copy >= 0) { if (is_tracked(fd)) track(copy); else if (copy != fd) untrack(copy); }
    return copy;
}
int dup3(int fd, int to, int flags) {
    init();
    int copy = real_dup3(fd, to, flags);
    if (copy >= 0) { if (is_tracked(fd)) track(copy); else untrack(copy); }
    return copy;
}
#define FCNTL_BODY(real)                                                       \
    va_list ap;                                                                \
    va_start(ap, command);                                                     \
    void *argument = va_arg(ap, void *);                                       \
    va_end(ap);                                                                \
    init();                                                                    \
    int result = real(fd, command, argument);                                  \
    if (result >= 0 && (command == F_DUPFD || command == F_DUPFD_CLOEXEC) && is_tracked(fd)) track(result); \
    return result;

int fcntl(int fd, int command, ...) { FCNTL_BODY(real_fcntl) }
int fcntl64(int fd, int command, ...) { FCNTL_BODY(real_fcntl64) }
