import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

extension Manifest {
    /// What a `manifest.json` holds (OUTPUT.md): the release, the as-of date, and
    /// the path, SHA-256 and size of every input read and every output written.
    package struct Contents: Sendable, Equatable {
        package let generator: String
        package let release: String
        package let asOf: CalendarDate
        /// Files of the governance repository (and `templates/…` overrides) the build read.
        package let inputs: [FileDigest]
        /// Files of the site the build wrote, `manifest.json` excepted.
        package let outputs: [FileDigest]
    }

    /// Reads `manifest.json` strictly: the schema is `dossier.manifest/v1` and
    /// every key is present with its type; paths are relative, stay inside their
    /// folder and appear once; digests are 64 lowercase hex digits; sizes are
    /// whole numbers >= 0. Other keys are ignored (they cannot change what is
    /// checked). Returns the contents, or `nil` and every problem found, each at
    /// its line and column in `file`.
    static func read(_ bytes: [UInt8], file: String) -> (Contents?, [Diagnostic]) {
        let parsed: DocumentNode?
        switch JSONDocumentParser.parse(bytes) {
        case let .success(node):
            parsed = node
        case let .failure(failure):
            return (nil, [Diagnostic(at: SourceLocation(file: file, line: failure.line, column: failure.column), failure.message)])
        }
        guard let root = parsed else {
            return (nil, [Diagnostic(at: SourceLocation(file: file), "the file is empty: expected a \(schema) object")])
        }
        var reader = ManifestReader(file: file)
        let contents = reader.contents(root)
        return (reader.problems.isEmpty ? contents : nil, reader.problems)
    }
}

/// Walks the parsed manifest, collecting a diagnostic for every problem.
private struct ManifestReader {
    let file: String
    var problems: [Diagnostic] = []

    mutating func problem(at node: DocumentNode?, _ keyPath: String, _ message: String) {
        let location = node.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? SourceLocation(file: file)
        problems.append(Diagnostic(at: location, keyPath: keyPath, message))
    }

    mutating func contents(_ root: DocumentNode) -> Manifest.Contents? {
        guard let fields = map(root, path: "") else { return nil }
        // Another schema is another format: its other keys are not worth reporting.
        guard let schema = string(fields, "schema", in: root, path: "") else { return nil }
        guard schema == Manifest.schema else {
            problem(at: fields["schema"], "schema", "expected '\(Manifest.schema)', found '\(TextRules.displayable(schema))'")
            return nil
        }
        let generator = string(fields, "generator", in: root, path: "")
        let release = string(fields, "release", in: root, path: "")
        var asOf: CalendarDate?
        if let text = string(fields, "as_of", in: root, path: "") {
            asOf = CalendarDate(text)
            if asOf == nil { problem(at: fields["as_of"], "as_of", "expected a date YYYY-MM-DD, found '\(TextRules.displayable(text))'") }
        }
        let inputs = digests(fields, "inputs", in: root)
        let outputs = digests(fields, "outputs", in: root)
        if let outputs, let node = fields["outputs"], outputs.contains(where: { $0.path == "manifest.json" }) {
            problem(at: node, "outputs", "lists manifest.json, which cannot hold its own digest")
        }
        guard let generator, let release, let asOf, let inputs, let outputs else { return nil }
        return Manifest.Contents(generator: generator, release: release, asOf: asOf, inputs: inputs, outputs: outputs)
    }

    /// A JSON object's entries by key; a key given twice is a problem.
    private mutating func map(_ node: DocumentNode, path: String) -> [String: DocumentNode]? {
        guard case let .map(map) = node else {
            problem(at: node, path, "expected an object, found \(node.kindDescription)")
            return nil
        }
        var fields: [String: DocumentNode] = [:]
        for entry in map.entries {
            let keyPath = path.isEmpty ? entry.key.text : "\(path).\(entry.key.text)"
            if fields[entry.key.text] != nil {
                problem(at: .scalar(entry.key), keyPath, "duplicate key")
            } else {
                fields[entry.key.text] = entry.value
            }
        }
        return fields
    }

    private mutating func string(_ fields: [String: DocumentNode], _ key: String, in parent: DocumentNode, path: String) -> String? {
        let keyPath = path.isEmpty ? key : "\(path).\(key)"
        guard let node = fields[key] else {
            problem(at: parent, keyPath, "required key is missing")
            return nil
        }
        guard case let .scalar(scalar) = node, scalar.style == .quoted else {
            problem(at: node, keyPath, "expected a string, found \(node.kindDescription)")
            return nil
        }
        return scalar.text
    }

    /// `inputs` or `outputs`: a list of `{path, sha256, bytes}`, no path twice.
    private mutating func digests(_ fields: [String: DocumentNode], _ key: String, in parent: DocumentNode) -> [FileDigest]? {
        guard let node = fields[key] else {
            problem(at: parent, key, "required key is missing")
            return nil
        }
        guard case let .list(list) = node else {
            problem(at: node, key, "expected a list, found \(node.kindDescription)")
            return nil
        }
        var result: [FileDigest] = []
        var seen: Set<String> = []
        var valid = true
        for (index, item) in list.items.enumerated() {
            let itemPath = "\(key)[\(index)]"
            guard let entry = map(item, path: itemPath) else {
                valid = false
                continue
            }
            let path = string(entry, "path", in: item, path: itemPath)
            let sha256 = string(entry, "sha256", in: item, path: itemPath)
            let bytes = size(entry["bytes"], in: item, path: "\(itemPath).bytes")
            if let path, !Self.isRelativePath(path) {
                problem(at: entry["path"], "\(itemPath).path",
                        "expected a relative path inside the folder, found '\(TextRules.displayable(path))'")
                valid = false
            } else if let path, !seen.insert(path).inserted {
                problem(at: entry["path"], "\(itemPath).path", "'\(TextRules.displayable(path))' is listed twice")
                valid = false
            }
            if let sha256, !Self.isDigest(sha256) {
                problem(at: entry["sha256"], "\(itemPath).sha256",
                        "expected 64 lowercase hex digits, found '\(TextRules.displayable(String(sha256.prefix(80))))'")
                valid = false
            }
            guard let path, let sha256, let bytes else {
                valid = false
                continue
            }
            result.append(FileDigest(path: path, sha256: sha256, bytes: bytes))
        }
        return valid ? result : nil
    }

    private mutating func size(_ node: DocumentNode?, in parent: DocumentNode, path: String) -> Int? {
        guard let node else {
            problem(at: parent, path, "required key is missing")
            return nil
        }
        guard case let .scalar(scalar) = node, scalar.style == .plain,
              !scalar.text.isEmpty, scalar.text.utf8.allSatisfy({ (48...57).contains($0) }), let value = Int(scalar.text) else {
            problem(at: node, path, "expected a whole number of bytes >= 0, found \(node.kindDescription)")
            return nil
        }
        return value
    }

    /// `a/b.html`: not absolute, no empty, `.` or `..` component, no NUL.
    static func isRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
