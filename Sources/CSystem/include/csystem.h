#ifndef DOSSIER_CSYSTEM_H
#define DOSSIER_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (also where unsupported).
int dossier_exchange_paths(const char *from, const char *to);

/// An extended attribute of an open file (Linux fgetxattr/fsetxattr): the
/// length read, or 0 on success for the setter; -1 with errno set otherwise
/// (ENOTSUP where the file system has none).
long dossier_get_attribute(int fd, const char *name, void *value, unsigned long size);
int dossier_set_attribute(int fd, const char *name, const void *value, unsigned long size);

#endif
