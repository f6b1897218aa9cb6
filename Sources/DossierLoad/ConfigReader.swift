import DossierSupport
import DossierModel
import DossierAudit

/// Reads `dossier.yaml` into a `Config` (INPUT.md, "dossier.yaml").
struct ConfigReader {
    static let topKeys = ["organization", "title", "release", "as_of", "base_url", "thresholds", "capabilities"]
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
        if let node = top.node("thresholds") { readThresholds(node, into: &config.thresholds) }
        if let node = top.node("capabilities") { readCapabilities(node, into: &config) }
        config.extensions = top.extensions
        return reader.log.errorCount == errorsBefore ? config : nil
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
