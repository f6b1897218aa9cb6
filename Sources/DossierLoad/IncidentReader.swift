import DossierSupport
import DossierModel

/// Reads `incidents.yaml` (OBLIGATIONS.md, "Incidents"): the register of serious
/// incidents, validated as strictly as waivers. An empty file, `null` or `[]` is no incidents.
///
/// Each entry is located by its index in the list: `[0].aware_on`.
struct IncidentReader {
    /// The keys of one incident, in the order they are documented, and whether each is required.
    static let fields: [(key: String, required: Bool)] = [
        ("id", true), ("agent", true), ("aware_on", true), ("kind", true), ("reported_on", false), ("summary", false),
    ]

    let reader: RecordReader
    /// Every agent id with a file in `agents/`, valid or not.
    let knownAgents: Set<String>

    /// The incidents in file order; `nil` when the file has errors (already reported).
    func read(_ root: DocumentNode?) -> [Incident]? {
        guard let root, !root.isNull else { return [] }
        guard case let .list(list) = root else {
            reader.error(root, "", "expected a list of incidents, found \(root.kindDescription)")
            return nil
        }
        let errorsBefore = reader.log.errorCount
        var incidents: [Incident] = []
        var firstLine: [String: Int] = [:]
        for (index, item) in list.items.enumerated() {
            // Ids are unique whatever else is wrong with an entry; a duplicate's other problems are reported too.
            var duplicate = false
            if let node = idNode(item), case let .scalar(scalar) = node {
                if let line = firstLine[scalar.text] {
                    reader.error(node, "[\(index)].id", "duplicate incident id '\(TextRules.displayable(scalar.text))' (first given at line \(line))")
                    duplicate = true
                } else {
                    firstLine[scalar.text] = node.line
                }
            }
            if let incident = readIncident(item, path: "[\(index)]"), !duplicate { incidents.append(incident) }
        }
        return reader.log.errorCount == errorsBefore ? incidents : nil
    }

    private func idNode(_ node: DocumentNode) -> DocumentNode? {
        guard case let .map(map) = node else { return nil }
        return map.entries.first { $0.key.text == "id" }?.value
    }

    /// One entry; every problem in it is reported, not just the first.
    private func readIncident(_ node: DocumentNode, path: String) -> Incident? {
        guard let entry = reader.listEntry(node, path: path, fields: Self.fields,
                                           what: "an incident (a map with id, agent, aware_on and kind)") else { return nil }
        let map = entry.fields
        let date = entry.date
        let id = entry.text("id")
        let agent = entry.agent("agent", known: knownAgents)
        let awareOn = date("aware_on")
        let kind = map.node("kind").flatMap { reader.oneOf($0, path: RecordReader.join(path, "kind"), IncidentKind.allCases) }
        let reportedOn = date("reported_on")
        let summary = map.node("summary").flatMap { reader.string($0, path: RecordReader.join(path, "summary")) }
        if let awareOn, let reportedOn, reportedOn < awareOn, let node = map.node("reported_on") {
            reader.error(node, RecordReader.join(path, "reported_on"), "\(reportedOn) is before aware_on (\(awareOn))")
        }
        guard let id, let agent, knownAgents.contains(agent), let awareOn, let kind else { return nil }
        if let reportedOn, reportedOn < awareOn { return nil }
        return Incident(id: id, agent: agent, awareOn: awareOn, kind: kind, reportedOn: reportedOn, summary: summary,
                        source: reader.location(of: node))
    }
}
