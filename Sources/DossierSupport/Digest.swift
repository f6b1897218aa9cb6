import Foundation

import Crypto

package enum Digest {
    /// Lowercase hex SHA-256 of `bytes`.
    package static func sha256<D: DataProtocol>(_ bytes: D) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// SHA-256 and size of a file read in blocks (for files too large to hold, such as raw logs).
    package static func sha256(fileAt url: URL) -> (hex: String, bytes: Int)? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        var total = 0
        while true {
            let block: Data?
            do {
                block = try handle.read(upToCount: 1 << 20)
            } catch {
                return nil
            }
            guard let block, !block.isEmpty else { break }  // nil or empty at the end
            hasher.update(data: block)
            total += block.count
        }
        return (hex(hasher.finalize()), total)
    }

    package static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
