#ifndef DOSSIER_CSYSTEM_H
#define DOSSIER_CSYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (also where unsupported).
int dossier_exchange_paths(const char *from, const char *to);

#endif
