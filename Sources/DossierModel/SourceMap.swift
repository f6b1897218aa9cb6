import DossierSupport

/// Where each key path of one record file was written.
public struct SourceMap: Sendable {
    public let file: String
    private var locations: [String: SourceLocation] = [:]

    public init(file: String) { self.file = file }

    public subscript(keyPath: String) -> SourceLocation? {
        get { locations[keyPath] }
        set { locations[keyPath] = newValue }
    }

    /// The location of `keyPath`, or of its nearest present parent, or the file
    /// itself (no line) when nothing on the path is present.
    public func location(of keyPath: String?) -> SourceLocation {
        guard var path = keyPath else { return SourceLocation(file: file) }
        while true {
            if let location = locations[path] { return location }
            guard let dot = path.lastIndex(of: ".") else { return SourceLocation(file: file) }
            path = String(path[..<dot])
        }
    }
}
