import DossierSupport
import DossierModel
import DossierScore

/// `check --format junit` (OUTPUT.md): the report as JUnit XML, for the test
/// report views of GitLab, Jenkins and GitHub.
///
/// One `<testsuite>` per agent, in report order, with one `<testcase>` per
/// article check, per checklist item and per finding, in that order:
///
/// - an article check is named by its id (`risk_management`), the same id as
///   the gap's `rule` in report.json and SARIF, so one name finds a gap
///   everywhere; the article (`Art. 9`) is in the failure text;
/// - a checklist item is named `checklist:<item id>`;
/// - a finding is named `rule`, or `rule:subject` for rules that fire once per item.
///
/// An open gap or open checklist item is a `<failure>`; a waived gap or an
/// n/a item is `<skipped>`; anything else passes. Every testcase's
/// `classname` is the agent id, so reporters group the cases by agent.
///
/// The output depends only on the report: no timestamps, durations or host
/// names, and the same report gives the same bytes. Input text cannot break
/// the XML: markup characters are escaped and characters XML 1.0 forbids are dropped.
package enum JUnitReport {
    package static func render(_ report: Report) -> String {
        var out = ""
        write(report) { out += $0 }
        return out
    }

    /// Writes the XML in pieces, one `<testsuite>` at a time, so that the suites of
    /// thousands of agents are never held whole in memory. The totals of the
    /// root element are counted first, from the testcases alone.
    package static func write(_ report: Report, to sink: (String) throws -> Void) rethrows {
        var tests = 0, failures = 0, skipped = 0
        for agent in report.agents {
            let counts = counts(for: agent)
            tests += counts.tests
            failures += counts.failures
            skipped += counts.skipped
        }
        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        head += "<testsuites" + attributes([
            ("name", "dossier"),
            ("tests", String(tests)),
            ("failures", String(failures)),
            ("errors", "0"),
            ("skipped", String(skipped)),
        ]) + ">\n"
        try sink(head)
        for agent in report.agents { try sink(suite(for: agent, report: report).xml) }
        try sink("</testsuites>\n")
    }

    /// How a testcase ended.
    enum Outcome {
        case passed
        /// `<failure message type>` with a text body.
        case failed(message: String, type: String, details: String)
        /// `<skipped message>`.
        case skipped(message: String)
    }

    struct TestCase {
        let name: String
        let outcome: Outcome
    }

    /// One rendered `<testsuite>` with its counts.
    struct Suite {
        var xml = ""
        var tests = 0
        var failures = 0
        var skipped = 0
    }

    /// The testcases of one agent, in the order described above.
    static func testCases(for agent: AgentReport) -> [TestCase] {
        var cases: [TestCase] = []
        for check in agent.checks {
            if let gap = agent.gaps.first(where: { $0.kind == .article && $0.rule == check.id }) {
                cases.append(TestCase(name: check.id, outcome: outcome(of: gap)))
            } else if check.passed {
                cases.append(TestCase(name: check.id, outcome: .passed))
            } else {
                // The scorer gives every failed check a gap; this keeps a failed check red without one.
                let text = "\(check.article) \(check.id) fails at \(check.failingField ?? "the record")"
                cases.append(TestCase(name: check.id, outcome: .failed(message: text, type: "check", details: text)))
            }
        }
        for entry in agent.checklist {
            cases.append(TestCase(name: "checklist:\(entry.item.id)", outcome: outcome(of: entry)))
        }
        for gap in agent.gaps where gap.kind == .finding {
            let name = gap.subject.map { "\(gap.rule):\($0)" } ?? gap.rule
            cases.append(TestCase(name: name, outcome: outcome(of: gap)))
        }
        return cases
    }

    /// How many testcases `testCases(for:)` gives, failed and skipped, without writing their text.
    static func counts(for agent: AgentReport) -> (tests: Int, failures: Int, skipped: Int) {
        var failures = 0, skipped = 0
        func count(_ gap: Gap) {
            switch gap.status {
            case .open: failures += 1
            case .waived: skipped += 1
            }
        }
        for check in agent.checks {
            if let gap = agent.gaps.first(where: { $0.kind == .article && $0.rule == check.id }) {
                count(gap)
            } else if !check.passed {
                failures += 1
            }
        }
        for entry in agent.checklist {
            switch entry.status {
            case .done: break
            case .notApplicable: skipped += 1
            case .open: failures += 1
            }
        }
        let findings = agent.gaps.filter { $0.kind == .finding }
        findings.forEach(count)
        return (agent.checks.count + agent.checklist.count + findings.count, failures, skipped)
    }

    static func outcome(of gap: Gap) -> Outcome {
        switch gap.status {
        case .open:
            return .failed(message: gap.message, type: gap.severity.rawValue, details: details(of: gap))
        case .waived:
            guard let waiver = gap.waiver, let justification = waiverJustification(of: gap) else {
                return .skipped(message: "waived")
            }
            return .skipped(message: "waived: \(justification) (expires \(waiver.expires))")
        }
    }

    static func outcome(of entry: ChecklistEntry) -> Outcome {
        switch entry.status {
        case .done:
            return .passed
        case .notApplicable:
            return .skipped(message: "n/a")
        case .open:
            var lines = ["\(entry.item.title) is open.",
                         "section: \(entry.item.section)",
                         "decided by: \(entry.item.isAuto ? "the agent's data (auto)" : "attestation in checklist.\(entry.item.id)")"]
            if let evidence = entry.evidence { lines.append("evidence: \(evidence)") }
            if let note = entry.note { lines.append("note: \(note)") }
            return .failed(message: "open: \(entry.item.title)", type: "checklist", details: lines.joined(separator: "\n"))
        }
    }

    /// The failure text of an open gap: the message, then what it is about and how to fix it.
    static func details(of gap: Gap) -> String {
        var lines = [gap.message, "rule: \(gap.rule)" + (gap.article.map { " (\($0))" } ?? "")]
        lines.append("severity: \(gap.severity.rawValue)")
        if let field = gap.field { lines.append("field: \(field)") }
        if let subject = gap.subject { lines.append("subject: \(subject)") }
        if let source = gap.source { lines.append("source: \(source.fileAndLine)") }
        lines.append("remediation: \(gap.remediation)")
        return lines.joined(separator: "\n")
    }

    /// A waived gap's justification, from its waiver in waivers.yaml.
    static func waiverJustification(of gap: Gap) -> String? { gap.waiver?.justification }

    static func suite(for agent: AgentReport, report: Report) -> Suite {
        let id = agent.agent.id
        let cases = testCases(for: agent)
        var suite = Suite()
        var body = ""
        for testCase in cases {
            suite.tests += 1
            let open = "    <testcase" + attributes([("classname", id), ("name", testCase.name)])
            switch testCase.outcome {
            case .passed:
                body += open + "/>\n"
            case let .failed(message, type, details):
                suite.failures += 1
                body += open + ">\n"
                body += "      <failure" + attributes([("message", message), ("type", type)]) + ">"
                body += escapeText(details) + "</failure>\n"
                body += "    </testcase>\n"
            case let .skipped(message):
                suite.skipped += 1
                body += open + ">\n"
                body += "      <skipped" + attributes([("message", message)]) + "/>\n"
                body += "    </testcase>\n"
            }
        }
        suite.xml = "  <testsuite" + attributes([
            ("name", id),
            ("tests", String(suite.tests)),
            ("failures", String(suite.failures)),
            ("errors", "0"),
            ("skipped", String(suite.skipped)),
        ]) + ">\n"
        // Jenkins shows suite properties; GitLab and GitHub reporters ignore them.
        suite.xml += "    <properties>\n"
        var properties: [(String, String)] = [("release", report.release), ("as_of", report.asOf.description)]
        if let commit = report.commit { properties.append(("commit", commit)) }
        properties += [("risk_level", agent.agent.risk.level.rawValue),
                       ("compliance_score", agent.complianceScore),
                       ("evidenced_score", agent.evidencedScore),
                       ("deployable", agent.deployable ? "true" : "false")]
        // Who vouches for each article: `attestation.art-9` is evidenced, stale or attested, by whom and when.
        for result in agent.checks {
            guard let attestation = agent.attestation(of: result) else { continue }
            properties.append(("attestation.\(Attestation.key(forArticle: result.article))",
                               "\(agent.backing(of: result).rawValue) by \(attestation.by) on \(attestation.date)"))
        }
        // The AI Act class and each obligation that applies (OBLIGATIONS.md); an open one is also a failing
        // `obligation-open` test case, and the agent's incidents are listed too.
        properties.append(("ai_act_class", agent.aiActClass.rawValue))
        for obligation in agent.obligations where obligation.status != .notApplicable {
            properties.append(("obligation.\(obligation.id)", "\(obligation.status.rawValue), applies from \(obligation.appliesFrom?.description ?? "-")"))
        }
        for entry in report.incidents where entry.incident.agent == agent.agent.id {
            properties.append(("incident.\(entry.incident.id)", "\(entry.status.rawValue): \(entry.incident.kind.rawValue), aware on \(entry.incident.awareOn), deadline \(entry.incident.deadline)"))
        }
        for (name, value) in properties {
            suite.xml += "      <property" + attributes([("name", name), ("value", value)]) + "/>\n"
        }
        suite.xml += "    </properties>\n"
        suite.xml += body + "  </testsuite>\n"
        return suite
    }

    // MARK: - Escaping

    /// ` name="value"` pairs, values escaped for a double-quoted attribute.
    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escapeAttribute($0.1))\"" }.joined()
    }

    /// Text content: markup characters escaped, forbidden characters dropped.
    /// A CR is written `&#13;`, since parsers turn a literal CR (or CRLF) into LF.
    static func escapeText(_ text: String) -> String {
        escape(text, whitespace: false)
    }

    /// An attribute value. Parsers turn literal tab, LF and CR in an attribute
    /// into spaces, so those are written as character references to survive.
    static func escapeAttribute(_ text: String) -> String {
        escape(text, whitespace: true)
    }

    private static func escape(_ text: String, whitespace: Bool) -> String {
        // Most text has nothing to escape or drop: only a script URL might need its colon rewritten.
        var plain = true, hasColon = false
        for byte in text.utf8 {
            switch byte {
            case 0x09, 0x0A: plain = plain && !whitespace
            // Markup, other control characters, and the lead byte of U+FFFE and U+FFFF (dropped).
            case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF:
                plain = false
            case UInt8(ascii: ":"): hasColon = true
            default: continue
            }
        }
        if plain { return hasColon ? HTMLSafety.neutralizeSchemes(text) : text }
        // On UTF-8 bytes: every character to replace or drop is ASCII, except U+FFFE and U+FFFF.
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): out.append("&amp;")
            case UInt8(ascii: "<"): out.append("&lt;")
            case UInt8(ascii: ">"): out.append("&gt;")  // also keeps `]]>` out of the text
            case UInt8(ascii: "\""): out.append("&quot;")
            case UInt8(ascii: "'"): out.append("&apos;")
            case 0x0D: out.append("&#13;")
            case 0x09: if whitespace { out.append("&#9;") } else { out.append(byte) }
            case 0x0A: if whitespace { out.append("&#10;") } else { out.append(byte) }
            // XML 1.0 `Char` is tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up: other
            // control characters cannot be written, even as references, so they are dropped.
            case 0..<0x20: continue
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF): not XML characters either.
            case 0xEF where index + 1 < utf8.count && utf8[index] == 0xBF && (utf8[index + 1] == 0xBE || utf8[index + 1] == 0xBF):
                index += 2
            default: out.append(byte)
            }
        }
        // As everywhere in the site: a script URL in input text keeps its value, with its colon written `&#58;`.
        return HTMLSafety.neutralizeSchemes(String(decoding: out, as: UTF8.self))
    }
}
