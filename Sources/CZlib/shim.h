#include <zlib.h>

// inflateInit2 is a macro; Swift sees this function instead.
// windowBits 15 + 32: a gzip or zlib header, detected automatically.
static inline int dossier_inflate_init(z_streamp stream) {
    return inflateInit2(stream, 15 + 32);
}
