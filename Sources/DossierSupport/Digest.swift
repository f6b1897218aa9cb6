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

    /// SHA-256 and size of what is left to read from an open file.
    package static func sha256(descriptor: Int32) -> (hex: String, bytes: Int)? {
        var hasher = SHA256()
        var total = 0
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            block.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            total += count
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
