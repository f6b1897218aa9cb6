#include <errno.h>
#include <sys/types.h>
#if defined(__linux__)
#include <sys/xattr.h>
#endif
#include "csystem.h"

long dossier_get_attribute(int fd, const char *name, void *value, unsigned long size) {
#if defined(__linux__)
    return (long)fgetxattr(fd, name, value, size);
#else
    errno = ENOTSUP;
    return -1;
#endif
}

int dossier_set_attribute(int fd, const char *name, const void *value, unsigned long size) {
#if defined(__linux__)
    return fsetxattr(fd, name, value, size, 0);
#else
    errno = ENOTSUP;
    return -1;
#endif
}
