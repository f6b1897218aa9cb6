import DossierSupport
import DossierModel
import DossierLoad
import Foundation

/// The `report.json` of an earlier release, read for `--compare-to` and
/// `--history`: what a comparison needs (agents, scores, verdicts, gaps,
/// checklist) and the portfolio summary for a trend.
package struct PreviousReport: Sendable {
    package static let supportedSchemas = [Report.schema]

    package struct Agent: Sendable {
        package let id: String
        package let passed: Int
        package let total: Int
        package let deployable: Bool
        /// Every gap, open or waived, with its severity.
        package let gaps: [GapKey: Severity]
        /// Open gaps (not waived) by severity.
        package let openGaps: [Severity: Int]
        /// Checklist status by item id.
        package let checklist: [String: String]

        package var score: String { "\(passed)/\(total)" }
    }

    /// How the file is named in messages.
    package let file: String
    package let organization: String
    package let release: String
    package let asOf: CalendarDate
    package let agents: [Agent]

    /// A report of another organization cannot be compared with `organization`'s.
    func requireOrganization(_ organization: String) throws(CompareError) {
        guard self.organization == organization else {
            throw .invalid(Diagnostic(at: SourceLocation(file: file), keyPath: "organization",
                                      "is a report of '\(self.organization)', not of '\(organization)'"))
        }
    }

    /// Reads `url`: a `report.json`, or a site folder holding one.
    package static func load(_ url: URL, named name: String? = nil) throws(CompareError) -> PreviousReport {
        var file = url
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = url.appendingPathComponent("report.json")
        }
        let shown = name.map { isDirectory.boolValue ? "\($0)/report.json" : $0 } ?? file.path
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .unreadable(InputOutputError(path: shown, reason: "cannot read the previous report"))
        }
        switch JSONDocumentParser.parse([UInt8](data)) {
        case let .failure(failure):
            throw .invalid(Diagnostic(at: SourceLocation(file: shown, line: failure.line, column: failure.column),
                                      "not a JSON report: \(failure.message)"))
        case let .success(document):
            guard let document else {
                throw .invalid(Diagnostic(at: SourceLocation(file: shown), "empty file, not a report"))
            }
            return try Reader(file: shown).report(document)
        }
    }

    /// Reads the few keys a comparison needs, with a located error for the first that is wrong.
    private struct Reader {
        let file: String

        func fail(_ node: DocumentNode?, _ path: String, _ message: String) -> CompareError {
            let location = node.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? SourceLocation(file: file)
            return .invalid(Diagnostic(at: location, keyPath: path, message))
        }

        func member(_ node: DocumentNode, _ key: String, _ path: String) throws(CompareError) -> DocumentNode {
            guard case let .map(map) = node else { throw fail(node, path, "expected an object") }
            guard let entry = map.entries.first(where: { $0.key.text == key }) else {
                throw fail(node, RecordReader.join(path, key), "missing key")
            }
            return entry.value
        }

        func text(_ node: DocumentNode, _ path: String) throws(CompareError) -> String {
            guard case let .scalar(scalar) = node, scalar.style == .quoted else { throw fail(node, path, "expected a string") }
            return scalar.text
        }

        func optionalText(_ node: DocumentNode, _ path: String) throws(CompareError) -> String? {
            node.isNull ? nil : try text(node, path)
        }

        func integer(_ node: DocumentNode, _ path: String) throws(CompareError) -> Int {
            guard case let .scalar(scalar) = node, scalar.style == .plain, let value = Int(scalar.text) else {
                throw fail(node, path, "expected a whole number")
            }
            return value
        }

        func bool(_ node: DocumentNode, _ path: String) throws(CompareError) -> Bool {
            guard case let .scalar(scalar) = node, scalar.style == .plain, scalar.text == "true" || scalar.text == "false" else {
                throw fail(node, path, "expected true or false")
            }
            return scalar.text == "true"
        }

        func list(_ node: DocumentNode, _ path: String) throws(CompareError) -> [DocumentNode] {
            guard case let .list(list) = node else { throw fail(node, path, "expected a list") }
            return list.items
        }

        func report(_ root: DocumentNode) throws(CompareError) -> PreviousReport {
            let schemaNode = try member(root, "schema", "")
            let schema = try text(schemaNode, "schema")
            guard PreviousReport.supportedSchemas.contains(schema) else {
                throw fail(schemaNode, "schema", "unsupported report schema '\(schema)' (supported: "
                           + PreviousReport.supportedSchemas.joined(separator: ", ") + ")")
            }
            let asOfNode = try member(root, "as_of", "")
            guard let asOf = CalendarDate(try text(asOfNode, "as_of")) else { throw fail(asOfNode, "as_of", "expected a date YYYY-MM-DD") }
            var agents: [Agent] = []
            for (index, node) in try list(member(root, "agents", ""), "agents").enumerated() {
                let path = "agents[\(index)]"
                let id = try text(member(node, "id", path), "\(path).id")
                var gaps: [GapKey: Severity] = [:]
                var openGaps: [Severity: Int] = [:]
                for (gapIndex, gapNode) in try list(member(node, "gaps", path), "\(path).gaps").enumerated() {
                    let gapPath = "\(path).gaps[\(gapIndex)]"
                    let severityNode = try member(gapNode, "severity", gapPath)
                    guard let severity = Severity(rawValue: try text(severityNode, "\(gapPath).severity")) else {
                        throw fail(severityNode, "\(gapPath).severity", "expected a severity")
                    }
                    let key = GapKey(agent: id, rule: try text(member(gapNode, "rule", gapPath), "\(gapPath).rule"),
                                     field: try optionalText(member(gapNode, "field", gapPath), "\(gapPath).field"),
                                     subject: try optionalText(member(gapNode, "subject", gapPath), "\(gapPath).subject"))
                    gaps[key] = severity
                    if try text(member(gapNode, "status", gapPath), "\(gapPath).status") == "open" {
                        openGaps[severity, default: 0] += 1
                    }
                }
                var checklist: [String: String] = [:]
                for (itemIndex, itemNode) in try list(member(node, "checklist", path), "\(path).checklist").enumerated() {
                    let itemPath = "\(path).checklist[\(itemIndex)]"
                    checklist[try text(member(itemNode, "id", itemPath), "\(itemPath).id")] =
                        try text(member(itemNode, "status", itemPath), "\(itemPath).status")
                }
                agents.append(Agent(id: id, passed: try integer(member(node, "passed", path), "\(path).passed"),
                                    total: try integer(member(node, "total", path), "\(path).total"),
                                    deployable: try bool(member(node, "deployable", path), "\(path).deployable"),
                                    gaps: gaps, openGaps: openGaps, checklist: checklist))
            }
            return PreviousReport(file: file, organization: try text(member(root, "organization", ""), "organization"),
                                  release: try text(member(root, "release", ""), "release"), asOf: asOf, agents: agents)
        }
    }
}

/// Why a previous report cannot be used.
package enum CompareError: Error, Sendable, CustomStringConvertible {
    /// It cannot be read (exit code 74).
    case unreadable(InputOutputError)
    /// It is not a report this version reads, or of another organization (exit code 65).
    case invalid(Diagnostic)

    package var description: String {
        switch self {
        case let .unreadable(error): "\(error)"
        case let .invalid(diagnostic): diagnostic.description
        }
    }
}
