import DossierSupport
import DossierModel
import DossierAudit

/// Reads `waivers.yaml` (INPUT.md, "waivers.yaml"): a list of accepted gaps,
/// validated as strictly as agent files. An empty file, `null` or `[]` is no waivers.
///
/// Each entry is located by its index in the list: `[0].expires`.
struct WaiverReader {
    /// The keys of one waiver, in the order they are documented, and whether each is required.
    static let fields: [(key: String, required: Bool)] = [
        ("agent", true), ("rule", true), ("justification", true), ("approved_by", true),
        ("approved_on", true), ("expires", true), ("source", false),
    ]

    /// `expires` is at most this many days after `approved_on`.
    static let maxDays = 366
    /// A waiver of a critical gap needs a justification at least this long (characters, outer white space aside).
    static let minCriticalJustification = 20

    let reader: RecordReader
    /// Every agent id with a file in `agents/`, valid or not.
    let knownAgents: Set<String>
    /// The risk level of every agent whose file is valid.
    let levels: [String: RiskLevel]
    /// The rule ids a waiver may name.
    let rules: RuleCatalog

    /// The waivers in file order; `nil` when the file has errors (already reported).
    func read(_ root: DocumentNode?) -> [Waiver]? {
        guard let root, !root.isNull else { return [] }
        guard case let .list(list) = root else {
            reader.error(root, "", "expected a list of waivers, found \(root.kindDescription)")
            return nil
        }
        let errorsBefore = reader.log.errorCount
        var waivers: [Waiver] = []
        for (index, item) in list.items.enumerated() {
            if let waiver = readWaiver(item, path: "[\(index)]") { waivers.append(waiver) }
        }
        return reader.log.errorCount == errorsBefore ? waivers : nil
    }

    /// One entry; every problem in it is reported, not just the first.
    private func readWaiver(_ node: DocumentNode, path: String) -> Waiver? {
        guard let entry = reader.listEntry(node, path: path, fields: Self.fields, what: "a waiver (a map)") else { return nil }
        let map = entry.fields
        let text = entry.text, date = entry.date
        let agent = entry.agent("agent", known: knownAgents)
        let rule = text("rule")
        if let rule, let node = map.node("rule") {
            if RuleCatalog.ownWaiverRules.contains(rule) {
                reader.error(node, RecordReader.join(path, "rule"), "\(rule) is about waivers.yaml itself and cannot be waived")
            } else if !rules.waivable.contains(rule) {
                var message = "unknown rule '\(TextRules.displayable(rule))': expected an article check id or a finding rule id"
                if let suggestion = KeySuggestion.closest(to: rule, in: rules.waivable) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                reader.error(node, RecordReader.join(path, "rule"), message)
            }
        }
        let justification = text("justification")
        let approvedBy = text("approved_by")
        let approvedOn = date("approved_on")
        let expires = date("expires")
        let field = text("source")

        if let approvedOn, let expires, let node = map.node("expires") {
            let days = approvedOn.days(until: expires)
            if days < 0 {
                reader.error(node, RecordReader.join(path, "expires"), "\(expires) is before approved_on (\(approvedOn))")
            } else if days > Self.maxDays {
                reader.error(node, RecordReader.join(path, "expires"),
                             "\(expires) is \(days) days after approved_on (\(approvedOn)); a waiver lasts at most \(Self.maxDays) days")
            }
        }
        if let agent, let rule, let justification, let node = map.node("justification"),
           rules.isCritical(rule: rule, level: levels[agent]) {
            let length = Self.trimmed(justification).count
            if length < Self.minCriticalJustification {
                reader.error(node, RecordReader.join(path, "justification"),
                             "a waiver of a critical gap needs a justification of at least \(Self.minCriticalJustification) characters, found \(length)")
            }
        }

        guard let agent, let rule, let justification, let approvedBy, let approvedOn, let expires else { return nil }
        return Waiver(agent: agent, rule: rule, field: field, justification: justification, approvedBy: approvedBy,
                      approvedOn: approvedOn, expires: expires, location: reader.location(of: node))
    }

    /// `text` without Unicode White_Space at either end.
    static func trimmed(_ text: String) -> Substring {
        let isSpace: (Character) -> Bool = { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return text[first...last]
    }
}
