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
    static func write(_ page: String, lists: [StreamedList], to sink: (String) throws -> Void) throws {
        var rest = Substring(page)
        while true {
            let next = lists.compactMap { list in rest.range(of: list.marker).map { (list, $0) } }
                .min { $0.1.lowerBound < $1.1.lowerBound }
            guard let (list, range) = next else { break }
            try sink(String(rest[..<range.lowerBound]))
            try list.produce(sink)
            rest = rest[range.upperBound...]
        }
        try sink(String(rest))
    }
}
