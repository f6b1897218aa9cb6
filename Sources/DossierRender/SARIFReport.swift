import DossierSupport
import DossierModel
import DossierScore
import Foundation

/// `check --format sarif` (OUTPUT.md): the gaps as a SARIF 2.1.0 log, so that
/// code review tools (GitHub code scanning, GitLab, IDE viewers) annotate the
/// agent files at the line of each gap's field.
///
/// One run whose driver lists every rule, the seven article checks in table
/// order and then every finding rule in id order, whether or not it fired; one
/// result per gap, open or waived, agents in report order and gaps in report
/// order. A waived gap carries an external suppression, which reviewers show as
/// dismissed.
///
/// Each result has a `dossierGap/v1` partial fingerprint, the SHA-256 of agent
/// id, rule, field and subject: what makes a gap the same across releases
/// (OUTPUT.md), never its line or wording, so a review tool keeps tracking a gap
/// when the file around it changes. The output holds no time, host or
/// invocation, so the same report gives the same bytes.
package enum SARIFReport {
    package static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    package static let fingerprintKey = "dossierGap/v1"
    /// Paths in results are relative to the repository root, named by this base id.
    static let rootBaseID = "%SRCROOT%"

    package static func render(_ report: Report) -> String {
        var out = ""
        write(report) { out += $0 }
        return out
    }

    /// Writes the log in pieces, one agent's results at a time, so that the
    /// results of thousands of agents are never held whole in memory. The bytes
    /// are those of `value(report).rendered()`.
    package static func write(_ report: Report, to sink: (String) throws -> Void) rethrows {
        let rules = Rule.catalog(for: report)
        let index = ruleIndex(rules)
        // The members of the one run, written as the pretty-printer nests them (6 spaces deep).
        func member(_ key: String, _ value: JSONValue) -> String {
            var out = "      "
            JSONValue.writeString(key, into: &out)
            return out + ": " + value.rendered(indent: 6)
        }
        var head = "{\n"
        head += "  \"$schema\": " + JSONValue.string(schema).rendered(indent: 2) + ",\n"
        head += "  \"version\": \"2.1.0\",\n"
        head += "  \"runs\": [\n    {\n"
        head += member("tool", tool(rules)) + ",\n"
        head += member("originalUriBaseIds", originalUriBaseIDs) + ",\n"
        if let provenance = versionControlProvenance(report) { head += member("versionControlProvenance", provenance) + ",\n" }
        head += member("columnKind", .string("unicodeCodePoints")) + ",\n"
        let tail = ",\n" + member("properties", properties(report)) + "\n    }\n  ]\n}\n"
        guard report.agents.contains(where: { !$0.gaps.isEmpty }) else {
            try sink(head + "      \"results\": []" + tail)
            return
        }
        try sink(head + "      \"results\": [\n")
        var first = true
        for agent in report.agents where !agent.gaps.isEmpty {
            var piece = ""
            for gap in agent.gaps {
                piece += first ? "        " : ",\n        "
                first = false
                piece += result(for: gap, of: agent, ruleIndex: index[gap.rule]).rendered(indent: 8)
            }
            try sink(piece)
        }
        try sink("\n      ]" + tail)
    }

    package static func value(_ report: Report) -> JSONValue {
        let rules = Rule.catalog(for: report)
        let index = ruleIndex(rules)
        let results = report.agents.flatMap { agent in
            agent.gaps.map { result(for: $0, of: agent, ruleIndex: index[$0.rule]) }
        }
        var run: [(String, JSONValue)] = [("tool", tool(rules)), ("originalUriBaseIds", originalUriBaseIDs)]
        if let provenance = versionControlProvenance(report) { run.append(("versionControlProvenance", provenance)) }
        return .object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run + [
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
                ("properties", properties(report)),
            ])])),
        ])
    }

    /// The commit the results are about, when it is known. SARIF needs the repository's URI with it: it is
    /// taken from `source_url`, up to its first placeholder and without a `/blob/`-style tail
    /// (`https://git.example.com/org/repo/blob/{commit}/{path}` gives `https://git.example.com/org/repo`).
    static func versionControlProvenance(_ report: Report) -> JSONValue? {
        guard let commit = report.commit, let brace = report.sourceURL.firstIndex(of: "{") else { return nil }
        var uri = String(report.sourceURL[..<brace])
        for tail in ["/-/blob/", "/blob/", "/src/", "/tree/", "/commit/", "/raw/"] where uri.hasSuffix(tail) {
            uri = String(uri.dropLast(tail.count))
            break
        }
        while uri.hasSuffix("/") { uri.removeLast() }
        guard uri.lowercased().hasPrefix("http://") || uri.lowercased().hasPrefix("https://"), uri.count > "https://".count else { return nil }
        return .array([.object([("repositoryUri", .string(uri)), ("revisionId", .string(commit))])])
    }

    private static func ruleIndex(_ rules: [Rule]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() { index[rule.id] = position }
        return index
    }

    private static func tool(_ rules: [Rule]) -> JSONValue {
        .object([("driver", .object([
            ("name", .string("dossier")),
            ("version", .string(DossierVersion.number)),
            ("rules", .array(rules.map(\.value))),
        ]))])
    }

    private static let originalUriBaseIDs: JSONValue = .object([
        (rootBaseID, .object([("description", .object([("text", .string("The governance repository"))]))])),
    ])

    private static func properties(_ report: Report) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("organization", .string(report.organization)),
            ("release", .string(report.release)),
            ("asOf", .string(report.asOf.description)),
        ]
        // The incident register (OBLIGATIONS.md); its findings are results like any other gap.
        if !report.incidents.isEmpty { members.append(("incidents", .array(report.incidents.map(ReportJSON.incidentValue)))) }
        return .object(members)
    }

    /// The SARIF level of a severity: critical and high fail a review, medium warns, low informs.
    package static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low: "note"
        }
    }

    /// The stable identity of a gap: lowercase hex SHA-256 of agent id, rule,
    /// field and subject joined by NUL (an absent field or subject is empty).
    package static func fingerprint(agent: String, gap: Gap) -> String {
        let key = [agent, gap.rule, gap.field ?? "", gap.subject ?? ""].joined(separator: "\u{0}")
        return Digest.sha256(Data(key.utf8))
    }

    // MARK: - Results

    static func result(for gap: Gap, of agent: AgentReport, ruleIndex: Int?) -> JSONValue {
        let id = agent.agent.id
        var members: [(String, JSONValue)] = [("ruleId", .string(gap.rule))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(level(gap.severity))),
            ("message", .object([("text", .string("\(gap.message) — \(gap.remediation)"))])),
            ("locations", .array([location(of: gap, agent: agent.agent)])),
            ("partialFingerprints", .object([(fingerprintKey, .string(fingerprint(agent: id, gap: gap)))])),
        ]
        if gap.status == .waived {
            var suppression: [(String, JSONValue)] = [("kind", .string("external")), ("status", .string("accepted"))]
            if let justification = waiverJustification(of: gap) { suppression.append(("justification", .string(justification))) }
            if let waiver = gap.waiver {
                suppression.append(("properties", .object([
                    ("approvedBy", .string(waiver.approvedBy)),
                    ("approvedOn", .string(waiver.approvedOn.description)),
                    ("expires", .string(waiver.expires.description)),
                    ("source", .string(waiver.location.fileAndLine)),
                ])))
            }
            members.append(("suppressions", .array([.object(suppression)])))
        }
        var properties: [(String, JSONValue)] = [
            ("agent", .string(id)),
            ("severity", .string(gap.severity.rawValue)),
            ("status", .string(gap.status.rawValue)),
            ("kind", .string(gap.kind.rawValue)),
        ]
        for (key, text) in [("article", gap.article), ("field", gap.field), ("subject", gap.subject)] {
            if let text { properties.append((key, .string(text))) }
        }
        members.append(("properties", .object(properties)))
        return .object(members)
    }

    /// The gap's source file and, when known, its line and column. A gap
    /// without a source is placed on the agent's file as a whole.
    static func location(of gap: Gap, agent: AgentRecord) -> JSONValue {
        let source = gap.source ?? SourceLocation(file: agent.file)
        var physical: [(String, JSONValue)] = [("artifactLocation", .object([
            ("uri", .string(uriReference(source.file))),
            ("uriBaseId", .string(rootBaseID)),
        ]))]
        if let line = source.line, line >= 1 {
            var region: [(String, JSONValue)] = [("startLine", .int(line))]
            if let column = source.column, column >= 1 { region.append(("startColumn", .int(column))) }
            physical.append(("region", .object(region)))
        }
        return .object([
            ("physicalLocation", .object(physical)),
            ("logicalLocations", .array([.object([("name", .string(agent.id)), ("kind", .string("object"))])])),
        ])
    }

    /// A relative path as a URI reference: every byte outside the unreserved
    /// set and `/` is percent-encoded (a raw log may be named `audit/May 1.jsonl`).
    static func uriReference(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += byte < 16 ? "%0" + hex : "%" + hex
            }
        }
        return out
    }

    /// A waived gap's justification, from its waiver in waivers.yaml.
    static func waiverJustification(of gap: Gap) -> String? { gap.waiver?.justification }

    // MARK: - Rules

    /// A `reportingDescriptor`: one rule of the driver.
    struct Rule {
        let id: String
        let shortDescription: String
        let fullDescription: String
        let help: String
        let level: String
        let tags: [String]

        var value: JSONValue {
            .object([
                ("id", .string(id)),
                ("name", .string(Rule.camelCase(id))),
                ("shortDescription", .object([("text", .string(shortDescription))])),
                ("fullDescription", .object([("text", .string(fullDescription))])),
                ("help", .object([("text", .string(help))])),
                ("defaultConfiguration", .object([("level", .string(level))])),
                ("properties", .object([("tags", .array(tags.map { .string($0) }))])),
            ])
        }

        /// Every article check, then every finding rule, then any other rule a
        /// gap of the report names (byte order), so that each result's
        /// `ruleIndex` points into the list.
        static func catalog(for report: Report) -> [Rule] {
            var rules = ArticleCheck.all.map(Rule.init(check:)) + FindingRule.catalog.map(Rule.init(finding:))
            let known = Set(rules.map(\.id))
            var others: [String: Gap] = [:]
            for agent in report.agents {
                for gap in agent.gaps where !known.contains(gap.rule) && others[gap.rule] == nil {
                    others[gap.rule] = gap
                }
            }
            for id in others.keys.sorted(by: ByteOrder.less) {
                if let gap = others[id] { rules.append(Rule(gap: gap)) }
            }
            return rules
        }

        /// An article check's severity follows the agent's risk level, so its
        /// default level is `error` and each result carries its own level.
        init(check: ArticleCheck) {
            id = check.id
            shortDescription = "\(check.article): \(check.title)"
            let number = check.article.replacingOccurrences(of: "Art. ", with: "")
            let fields = check.fields.count == 1
                ? "checks \(check.fields[0])"
                : "checks " + check.fields.joined(separator: ", ") + " in that order, and fails at the first that does not hold"
            fullDescription = "Article \(number) of the EU AI Act (\(check.title)): \(fields)."
                + " A failed check is a gap whose severity follows the agent's risk level."
            help = check.remediations.map { "\($0.field): \($0.remediation)" }.joined(separator: "\n")
            level = "error"
            tags = ["eu-ai-act", "article-\(number)"]
        }

        init(finding: FindingRule) {
            id = finding.id
            shortDescription = Rule.sentence(finding.id)
            fullDescription = finding.summary
            help = finding.remediation
            level = SARIFReport.level(finding.severity)
            tags = ["eu-ai-act", "finding", finding.severity.rawValue]
        }

        /// A rule the catalogs do not list, described from its first gap.
        init(gap: Gap) {
            id = gap.rule
            shortDescription = Rule.sentence(gap.rule)
            fullDescription = Rule.sentence(gap.rule) + "."
            help = gap.remediation
            level = SARIFReport.level(gap.severity)
            tags = ["eu-ai-act", gap.kind.rawValue]
        }

        /// `undeclared-capability` → `UndeclaredCapability`, `risk_management` → `RiskManagement`.
        static func camelCase(_ id: String) -> String {
            id.split { $0 == "-" || $0 == "_" }.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }

        /// `undeclared-capability` → `Undeclared capability`.
        static func sentence(_ id: String) -> String {
            let words = id.split { $0 == "-" || $0 == "_" }.joined(separator: " ")
            return words.prefix(1).uppercased() + words.dropFirst()
        }
    }
}
