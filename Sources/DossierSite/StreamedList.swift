import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

/// A long list on a page (every gap, every agent), rendered item by item while
/// the page is written instead of as one string in the page's context.
///
/// The page's context holds a marker in its place (`{{{gaps_html}}}`); the
/// writer renders the page around the markers and streams each list into its
/// place, so that a page over thousands of agents is never held whole.
struct StreamedList {
    /// Text that cannot occur in a page otherwise: input files may not contain NUL.
    let marker: String
    let produce: ((String) throws -> Void) throws -> Void

    /// Registers a list and returns the marker to put in the context.
    static func add(to lists: inout [StreamedList], _ produce: @escaping ((String) throws -> Void) throws -> Void) -> String {
        let marker = "\u{0}dossier-list-\(lists.count)\u{0}"
        lists.append(StreamedList(marker: marker, produce: produce))
        return marker
    }

    /// Writes `page` with every marker replaced by its list, in pieces.
    ///
    /// A marker is found by its first byte, NUL, which nothing else on a page has.
    static func write(_ page: [UInt8], lists: [StreamedList], to sink: (String) throws -> Void) throws {
        let markers = Dictionary(lists.map { (Array($0.marker.utf8), $0) }, uniquingKeysWith: { first, _ in first })
        try page.withUnsafeBufferPointer { bytes in
            var copied = 0
            var index = 0
            while index < bytes.count {
                guard bytes[index] == 0 else {
                    index += 1
                    continue
                }
                // A marker is NUL, its name, NUL.
                guard let end = bytes[(index + 1)...].firstIndex(of: 0),
                      let list = markers[Array(bytes[index...end])] else {
                    index += 1
                    continue
                }
                try sink(String(decoding: UnsafeBufferPointer(rebasing: bytes[copied..<index]), as: UTF8.self))
                try list.produce(sink)
                index = end + 1
                copied = index
            }
            try sink(String(decoding: UnsafeBufferPointer(rebasing: bytes[copied...]), as: UTF8.self))
        }
    }
}
