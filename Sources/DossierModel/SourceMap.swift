import DossierSupport

/// Where each key path of one record file was written.
///
/// Compact: the file is stored once, and each key path with its line and column
/// in an array kept in order of the key path, searched by bisection. An
/// agent file records a few dozen key paths, so this costs a small part of a
/// dictionary of `SourceLocation`s.
package struct SourceMap: Sendable {
    package let file: String
    private var entries: [Entry] = []

    private struct Entry: Sendable {
        let keyPath: String
        /// 1-based; 0 when unknown (a location with no line or column).
        let line: UInt32
        let column: UInt32
    }

    package init(file: String) { self.file = file }

    package subscript(keyPath: String) -> SourceLocation? {
        get {
            guard case let .found(index) = search(keyPath) else { return nil }
            return location(entries[index])
        }
        set {
            switch (search(keyPath), newValue) {
            case let (.found(index), nil):
                entries.remove(at: index)
            case let (.found(index), location?):
                entries[index] = entry(keyPath, location)
            case let (.insert(index), location?):
                entries.insert(entry(keyPath, location), at: index)
            case (.insert, nil):
                break
            }
        }
    }

    /// The location of `keyPath`, or of its nearest present parent, or the file
    /// itself (no line) when nothing on the path is present.
    package func location(of keyPath: String?) -> SourceLocation {
        guard let keyPath else { return SourceLocation(file: file) }
        var path = keyPath
        while true {
            if case let .found(index) = search(path) { return location(entries[index]) }
            guard let dot = path.lastIndex(of: ".") else { return SourceLocation(file: file) }
            path = String(path[..<dot])
        }
    }

    private func location(_ entry: Entry) -> SourceLocation {
        SourceLocation(file: file, line: entry.line == 0 ? nil : Int(entry.line),
                       column: entry.column == 0 ? nil : Int(entry.column))
    }

    /// Entries store positions within `file`: the file of a location set here is not kept.
    private func entry(_ keyPath: String, _ location: SourceLocation) -> Entry {
        Entry(keyPath: keyPath, line: Self.position(location.line), column: Self.position(location.column))
    }

    private static func position(_ value: Int?) -> UInt32 {
        guard let value, value > 0 else { return 0 }
        return UInt32(clamping: value)
    }

    private enum Search {
        case found(Int)
        case insert(Int)
    }

    /// Bisection over the entries in the order of their key paths. Key paths compare
    /// as strings, which is also how the dictionary this replaces matched them.
    private func search(_ keyPath: String) -> Search {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            let key = entries[middle].keyPath
            if key == keyPath { return .found(middle) }
            if key < keyPath { low = middle + 1 } else { high = middle }
        }
        return .insert(low)
    }
}
