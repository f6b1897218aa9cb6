import DossierSupport
import DossierModel
import CZlib
import Foundation

/// Why reading a log stopped.
package enum LogReadError: Error, Sendable, CustomStringConvertible {
    /// The file cannot be opened or read (exit code 74).
    case unreadable(path: String, reason: String)
    /// The gzip data is corrupt: its events cannot be counted (exit code 65).
    case corrupt(path: String, reason: String)

    package var description: String {
        switch self {
        case let .unreadable(path, reason), let .corrupt(path, reason): "\(path): \(reason)"
        }
    }
}

/// Bytes of a log, read into a caller's buffer.
protocol LogByteSource: ~Copyable {
    /// Reads up to `count` bytes into `buffer`; 0 at the end.
    mutating func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(LogReadError) -> Int
    /// Whether the data ended early (a gzip member without its end): the last line is unfinished.
    var truncated: Bool { get }
    /// Bytes of the file read so far (compressed bytes for gzip), for progress.
    var consumed: Int { get }
}

/// A plain file read with `pread` from an offset, so that chunks of one file
/// are read by several threads at once.
struct FileRangeSource: LogByteSource, ~Copyable {
    let path: String
    private let descriptor: Int32
    private(set) var offset: Int64
    private let start: Int64
    var truncated: Bool { false }
    var consumed: Int { Int(offset - start) }

    init(path: String, url: URL, offset: Int64) throws(LogReadError) {
        self.path = path
        descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(path: path, reason: "cannot read the file (\(String(cString: strerror(errno))))") }
        self.offset = offset
        start = offset
    }

    deinit { close(descriptor) }

    mutating func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(LogReadError) -> Int {
        while true {
            let n = pread(descriptor, buffer, count, off_t(offset))
            if n >= 0 {
                offset += Int64(n)
                return n
            }
            if errno == EINTR { continue }
            throw .unreadable(path: path, reason: "cannot read the file (\(String(cString: strerror(errno))))")
        }
    }
}

/// A gzip file, inflated as it is read (concatenated members one after the other).
struct GzipSource: LogByteSource, ~Copyable {
    let path: String
    private let descriptor: Int32
    /// zlib keeps a pointer back to its stream, so the stream must not move.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutablePointer<UInt8>
    private static let inputCapacity = 256 * 1024
    private var inputEnded = false
    /// Whether part of a gzip member has been read but not its end.
    private var inMember = false
    /// Whether a member has ended: zero bytes after it are padding (as `gzip -d` reads them).
    private var afterMember = false
    /// Set when the file ends inside a member (a log still being compressed).
    private(set) var truncated = false
    /// Compressed bytes read so far.
    private(set) var bytesRead = 0
    var consumed: Int { bytesRead }

    init(path: String, url: URL) throws(LogReadError) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard dossier_inflate_init(stream) == Z_OK else {
            stream.deallocate()
            throw .unreadable(path: path, reason: "cannot start zlib")
        }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            inflateEnd(stream)
            stream.deallocate()
            throw .unreadable(path: path, reason: "cannot read the file (\(reason))")
        }
        self.path = path
        self.descriptor = descriptor
        self.stream = stream
        input = .allocate(capacity: Self.inputCapacity)
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
        close(descriptor)
    }

    mutating func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(LogReadError) -> Int {
        stream.pointee.next_out = buffer
        stream.pointee.avail_out = UInt32(clamping: count)
        let requested = Int(stream.pointee.avail_out)
        while Int(stream.pointee.avail_out) == requested {
            if stream.pointee.avail_in == 0 && !inputEnded {
                let n = Foundation.read(descriptor, input, Self.inputCapacity)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw .unreadable(path: path, reason: "cannot read the file (\(String(cString: strerror(errno))))")
                }
                if n == 0 {
                    inputEnded = true
                } else {
                    bytesRead += n
                    stream.pointee.next_in = input
                    stream.pointee.avail_in = UInt32(n)
                }
            }
            if !inMember && afterMember {
                while stream.pointee.avail_in > 0 && stream.pointee.next_in.pointee == 0 {
                    stream.pointee.next_in += 1
                    stream.pointee.avail_in -= 1
                }
                if stream.pointee.avail_in == 0 && !inputEnded { continue }
            }
            if stream.pointee.avail_in == 0 && inputEnded {
                if inMember { truncated = true }
                break
            }
            inMember = true
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                // The end of one member; another may follow.
                inMember = false
                afterMember = true
                inflateReset(stream)
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corrupt(path: path, reason: "corrupt gzip data (\(message)) after \(bytesRead) compressed bytes")
            }
        }
        return requested - Int(stream.pointee.avail_out)
    }
}

/// Splits a byte source into lines and hands each to the scanner and the accumulator.
struct LineReader: ~Copyable {
    /// Longer lines are malformed without being held in memory.
    static let maxLineBytes = Limits.auditLineBytes
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init(capacity: Int = 256 * 1024) {
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// Reads the lines that start before `limit` (bytes from where the source starts),
    /// first skipping through the first newline when `skipFirst` (the end of a line
    /// that belongs to the chunk before). Adds the bytes read, up to `limit`, to
    /// `progress` as it goes, and returns how many it added.
    @discardableResult
    mutating func read<Source: LogByteSource & ~Copyable>(
        _ source: inout Source, limit: Int64, skipFirst: Bool,
        scanner: inout EventScanner, into accumulator: inout EventAccumulator, progress: ReadProgress? = nil
    ) throws(LogReadError) -> Int {
        var reported = 0
        var base: Int64 = 0  // source offset of buffer[0]
        var filled = 0
        var position = 0
        var skipping = skipFirst
        var ended = false
        while true {
            // Every complete line in the buffer.
            while position < filled {
                let start = buffer + position
                let newline = memchr(start, 0x0A, filled - position)
                if skipping {
                    guard let newline else {
                        position = filled
                        break
                    }
                    position = UnsafeMutableRawPointer(newline).assumingMemoryBound(to: UInt8.self) - buffer + 1
                    skipping = false
                    continue
                }
                if base + Int64(position) >= limit { return reported }
                guard let newline else { break }
                let end = UnsafeMutableRawPointer(newline).assumingMemoryBound(to: UInt8.self)
                accumulator.add(scanner.scan(start, end), from: scanner)
                position = end - buffer + 1
            }
            if ended {
                // A last line without a newline; unfinished, and so malformed, when the data ended early.
                if !skipping && position < filled && base + Int64(position) < limit {
                    var kind = scanner.scan(buffer + position, buffer + filled)
                    if source.truncated && kind == .event { kind = .malformedWithAgent }
                    accumulator.add(kind, from: scanner)
                }
                return reported
            }
            // Keep the unfinished line and read more.
            if position > 0 {
                let rest = filled - position
                if rest > 0 { memmove(buffer, buffer + position, rest) }
                base += Int64(position)
                filled = rest
                position = 0
            }
            if filled == capacity {
                // Room for the longest line and its newline.
                if capacity <= Self.maxLineBytes {
                    grow(to: min(capacity * 2, Self.maxLineBytes + 1))
                } else {
                    // Too long to read: counted, then skipped through its newline.
                    accumulator.addUnreadableLine()
                    base += Int64(filled)
                    filled = 0
                    skipping = true
                }
            }
            let n = try source.read(into: buffer + filled, count: capacity - filled)
            if n == 0 { ended = true }
            filled += n
            if let progress {
                let consumed = min(source.consumed, Int(clamping: limit))
                progress.add(bytes: consumed - reported)
                reported = consumed
            }
        }
    }

    private mutating func grow(to newCapacity: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.update(from: buffer, count: capacity)
        buffer.deallocate()
        buffer = larger
        capacity = newCapacity
    }
}
