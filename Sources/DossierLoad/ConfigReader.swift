import DossierSupport
import DossierModel
import DossierAudit

/// Reads `dossier.yaml` into a `Config` (INPUT.md, "dossier.yaml").
struct ConfigReader {
    static let topKeys = ["organization", "title", "release", "as_of", "base_url", "thresholds", "capabilities",
                          "source_url", "sign_off", "role", "public_service", "public_authority", "applicability",
                          "attestations", "audit_fields"]
    static let signOffKeys = ["by", "role", "date", "statement"]
    static let thresholdKeys = ["retention_min_days", "assessment_max_age_days", "approval_timeout_max_ratio",
                                "violation_max_ratio"]

    let reader: RecordReader
    /// `--release`, which makes `release` optional.
    let releaseOverride: String?

    func read(_ root: DocumentNode?) -> Config? {
        let errorsBefore = reader.log.errorCount
        guard let root else {
            reader.log.error(reader.location(1, 1), "organization", "missing required key (the file is empty)")
            if releaseOverride == nil {
                reader.log.error(reader.location(1, 1), "release", "missing required key (the file is empty; or pass --release)")
            }
            return nil
        }
        guard let top = reader.fields(root, path: "", known: Self.topKeys) else { return nil }
        var organization: String?
        if let node = top.node("organization") {
            organization = reader.requiredText(node, path: "organization")
        } else {
            reader.missing("organization", in: top)
        }
        var config = Config(organization: organization ?? "")
        if let node = top.node("title"), let value = reader.string(node, path: "title") { config.title = value }
        if let node = top.node("release") {
            config.release = reader.requiredText(node, path: "release")
        } else if releaseOverride == nil {
            reader.log.error(reader.location(1, 1), "release", "missing required key (or pass --release)")
        }
        // `--release` wins over the file's value, which is still validated.
        if let releaseOverride { config.release = releaseOverride }
        if let node = top.node("as_of"), let value = reader.date(node, path: "as_of", allowEmpty: false) { config.asOf = value }
        if let node = top.node("base_url"), let value = reader.string(node, path: "base_url") {
            // It prefixes every link of the site: only a web address or an absolute path may.
            let lowered = value.lowercased()
            if value.isEmpty || lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || (value.hasPrefix("/") && !value.hasPrefix("//")),
               !value.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == " " || $0.isNewline }) {
                config.baseURL = value
            } else {
                reader.error(node, "base_url", "expected an http(s) URL or an absolute path such as /governance/, found '\(value)'")
            }
        }
        if let node = top.node("source_url"), let value = reader.string(node, path: "source_url") {
            // It becomes the href of every source link: only a web address may.
            let lowered = value.lowercased()
            if value.isEmpty || lowered.hasPrefix("https://") || lowered.hasPrefix("http://") {
                config.sourceURL = value
            } else {
                reader.error(node, "source_url", "expected an http(s) URL template such as "
                             + "https://git.example.com/org/repo/blob/{commit}/{path}#L{line}, found '\(TextRules.displayable(value))'")
            }
        }
        if let node = top.node("sign_off") { config.signOff = readSignOff(node) }
        if let node = top.node("thresholds") { readThresholds(node, into: &config.thresholds) }
        if let node = top.node("capabilities") { readCapabilities(node, into: &config) }
        if let node = top.node("role") { config.role = reader.oneOf(node, path: "role", Role.allCases) }
        if let node = top.node("public_service"), let value = reader.bool(node, path: "public_service") { config.publicService = value }
        if let node = top.node("public_authority"), let value = reader.bool(node, path: "public_authority") { config.publicAuthority = value }
        if let node = top.node("applicability") { readApplicability(node, into: &config) }
        if let node = top.node("audit_fields") { config.auditFields = reader.auditFields(node, path: "audit_fields") }
        if let node = top.node("attestations") {
            // The organization's attestations: obligation ids only (an article's record belongs to its agent).
            for entry in reader.attestations(node, known: ObligationCatalog.ids) {
                if let attestation = entry.attestation { config.attestations[entry.key] = attestation }
            }
        }
        config.extensions = top.extensions
        return reader.log.errorCount == errorsBefore ? config : nil
    }

    /// `sign_off:`: a list of `{by, role, date, statement}`; `by` and `date` are required.
    private func readSignOff(_ node: DocumentNode) -> [SignOff] {
        guard !node.isNull else { return [] }
        guard case let .list(list) = node else {
            reader.error(node, "sign_off", "expected a list of sign-offs ({by, role, date, statement}), found \(node.kindDescription)")
            return []
        }
        var entries: [SignOff] = []
        for (index, item) in list.items.enumerated() {
            let path = "sign_off[\(index)]"
            if item.isNull {
                reader.error(item, path, "expected a sign-off (a map with by and date), found nothing")
                continue
            }
            guard let map = reader.fields(item, path: path, known: Self.signOffKeys) else { continue }
            for key in ["by", "date"] where !map.has(key) { reader.missing(key, in: map) }
            let by = map.node("by").flatMap { reader.requiredText($0, path: "\(path).by") }
            let date = map.node("date").flatMap { reader.date($0, path: "\(path).date", allowEmpty: false) ?? nil }
            let role = map.node("role").flatMap { reader.string($0, path: "\(path).role") }
            let statement = map.node("statement").flatMap { reader.string($0, path: "\(path).statement") }
            if let by, let date { entries.append(SignOff(by: by, role: role, date: date, statement: statement)) }
        }
        return entries
    }

    private func readThresholds(_ node: DocumentNode, into thresholds: inout Thresholds) {
        guard let map = reader.fields(node, path: "thresholds", known: Self.thresholdKeys) else { return }
        if let n = map.node("retention_min_days"), let v = reader.count(n, path: "thresholds.retention_min_days") {
            thresholds.retentionMinDays = v
        }
        if let n = map.node("assessment_max_age_days"), let v = reader.count(n, path: "thresholds.assessment_max_age_days") {
            thresholds.assessmentMaxAgeDays = v
        }
        if let n = map.node("approval_timeout_max_ratio"), let v = reader.number(n, path: "thresholds.approval_timeout_max_ratio") {
            thresholds.approvalTimeoutMaxRatio = v
        }
        if let n = map.node("violation_max_ratio"), let v = reader.number(n, path: "thresholds.violation_max_ratio") {
            thresholds.violationMaxRatio = v
        }
    }

    /// `applicability:`: obligation group → the date it applies from (OBLIGATIONS.md).
    private func readApplicability(_ node: DocumentNode, into config: inout Config) {
        guard let map = reader.fields(node, path: "applicability", known: ApplicabilityGroup.allCases.map(\.rawValue)) else { return }
        for group in ApplicabilityGroup.allCases {
            if let n = map.node(group.rawValue), let date = reader.date(n, path: "applicability.\(group.rawValue)", allowEmpty: false) ?? nil {
                config.applicability[group] = date
            }
        }
    }

    private func readCapabilities(_ node: DocumentNode, into config: inout Config) {
        let flags = Capability.allCases.map(\.rawValue)
        guard let map = reader.fields(node, path: "capabilities", known: flags) else { return }
        for capability in Capability.allCases {
            let path = "capabilities.\(capability.rawValue)"
            // `can_execute_code:` with no value is the same as an absent key: the default list applies.
            if let n = map.node(capability.rawValue), let actions = reader.stringList(n, path: path) {
                config.capabilities[capability] = actions
            }
        }
    }
}
