/// Reads one agent file into an `AgentRecord` (INPUT.md, "agents/<id>.yaml").
struct AgentReader {
    static let topKeys = ["id", "name", "version", "owner", "description", "allowed_tools", "risk", "compliance", "checklist"]
    static let riskKeys = ["level", "can_write_data", "can_send_external_messages", "can_execute_code",
                           "can_make_financial_transactions", "max_transaction_amount", "requires_human_approval",
                           "approval_threshold"]
    static let complianceKeys = ["risk_assessment_completed", "risk_assessment_date", "residual_risks_documented",
                                 "training_data_documented", "data_quality_measures", "bias_testing_completed",
                                 "system_description", "intended_purpose", "performance_metrics",
                                 "audit_logs_enabled", "log_retention_days",
                                 "users_informed_of_ai", "ai_disclosure_text",
                                 "human_oversight_measures", "override_capability",
                                 "accuracy_metrics", "adversarial_testing"]
    static let attestationKeys = ["done", "evidence", "note"]

    let reader: RecordReader
    let id: String

    /// `nil` when the file has errors (already reported).
    func read(_ root: DocumentNode?) -> AgentRecord? {
        let errorsBefore = reader.log.errorCount
        guard let root else {
            reader.log.error(reader.location(1, 1), "name", "missing required key (the file is empty)")
            reader.log.error(reader.location(1, 1), "risk", "missing required key (the file is empty)")
            return nil
        }
        guard let top = reader.fields(root, path: "", known: Self.topKeys) else { return nil }
        var sources = SourceMap(file: reader.file)
        for key in Self.topKeys { reader.record(key, of: top, into: &sources) }

        if let node = top.node("id"), let value = reader.string(node, path: "id"), value != id {
            reader.error(node, "id", "must equal the file name '\(id)', found '\(value)'")
        }
        var name: String?
        if let node = top.node("name") {
            name = reader.requiredText(node, path: "name")
        } else {
            reader.missing("name", in: top)
        }
        let version = top.node("version").flatMap { reader.string($0, path: "version") }
        let owner = top.node("owner").flatMap { reader.string($0, path: "owner") } ?? ""
        let description = top.node("description").flatMap { reader.string($0, path: "description") } ?? ""
        let allowedTools = top.node("allowed_tools").flatMap { reader.stringList($0, path: "allowed_tools") } ?? []

        var risk: RiskProfile?
        if let node = top.node("risk") {
            risk = readRisk(node, sources: &sources)
        } else {
            reader.missing("risk", in: top)
        }
        var compliance = ComplianceRecord()
        let hasCompliance = top.has("compliance")
        if let node = top.node("compliance") {
            compliance = readCompliance(node, sources: &sources)
        }
        var checklist: [String: Attestation] = [:]
        if let node = top.node("checklist") {
            checklist = readChecklist(node, sources: &sources)
        }

        guard reader.log.errorCount == errorsBefore, let name, let risk else { return nil }
        var agent = AgentRecord(id: id, file: reader.file, name: name, risk: risk)
        agent.version = version
        agent.owner = owner
        agent.description = description
        agent.allowedTools = allowedTools
        agent.compliance = compliance
        agent.hasComplianceBlock = hasCompliance
        agent.checklist = checklist
        agent.extensions = top.extensions
        agent.sources = sources
        return agent
    }

    private func readRisk(_ node: DocumentNode, sources: inout SourceMap) -> RiskProfile? {
        guard let map = reader.fields(node, path: "risk", known: Self.riskKeys) else { return nil }
        for key in Self.riskKeys { reader.record(key, of: map, into: &sources) }
        var level: RiskLevel?
        if let levelNode = map.node("level") {
            level = reader.oneOf(levelNode, path: "risk.level", RiskLevel.allCases)
        } else {
            reader.missing("level", in: map)
        }
        // The other keys are checked even when the level is bad, so that one run reports every error.
        var risk = RiskProfile(level: level ?? .low)
        func flag(_ key: String, _ keyPath: WritableKeyPath<RiskProfile, Bool>) {
            if let n = map.node(key), let v = reader.bool(n, path: "risk.\(key)") { risk[keyPath: keyPath] = v }
        }
        flag("can_write_data", \.canWriteData)
        flag("can_send_external_messages", \.canSendExternalMessages)
        flag("can_execute_code", \.canExecuteCode)
        flag("can_make_financial_transactions", \.canMakeFinancialTransactions)
        flag("requires_human_approval", \.requiresHumanApproval)
        if let n = map.node("max_transaction_amount"), let v = reader.number(n, path: "risk.max_transaction_amount") {
            risk.maxTransactionAmount = v
        }
        if let n = map.node("approval_threshold"), let v = reader.string(n, path: "risk.approval_threshold") {
            risk.approvalThreshold = v
        }
        return level == nil ? nil : risk
    }

    private func readCompliance(_ node: DocumentNode, sources: inout SourceMap) -> ComplianceRecord {
        var record = ComplianceRecord()
        guard let map = reader.fields(node, path: "compliance", known: Self.complianceKeys) else { return record }
        for key in Self.complianceKeys { reader.record(key, of: map, into: &sources) }
        func path(_ key: String) -> String { "compliance.\(key)" }
        func flag(_ key: String, _ keyPath: WritableKeyPath<ComplianceRecord, Bool>) {
            if let n = map.node(key), let v = reader.bool(n, path: path(key)) { record[keyPath: keyPath] = v }
        }
        func text(_ key: String, _ keyPath: WritableKeyPath<ComplianceRecord, String>) {
            if let n = map.node(key), let v = reader.string(n, path: path(key)) { record[keyPath: keyPath] = v }
        }
        func metrics(_ key: String, _ keyPath: WritableKeyPath<ComplianceRecord, [(String, ExactDecimal)]>) {
            if let n = map.node(key), let v = reader.metrics(n, path: path(key)) { record[keyPath: keyPath] = v }
        }
        flag("risk_assessment_completed", \.riskAssessmentCompleted)
        if let n = map.node("risk_assessment_date"), let v = reader.date(n, path: path("risk_assessment_date")) {
            record.riskAssessmentDate = v
        }
        flag("residual_risks_documented", \.residualRisksDocumented)
        flag("training_data_documented", \.trainingDataDocumented)
        flag("data_quality_measures", \.dataQualityMeasures)
        flag("bias_testing_completed", \.biasTestingCompleted)
        text("system_description", \.systemDescription)
        text("intended_purpose", \.intendedPurpose)
        metrics("performance_metrics", \.performanceMetrics)
        flag("audit_logs_enabled", \.auditLogsEnabled)
        if let n = map.node("log_retention_days"), let v = reader.count(n, path: path("log_retention_days")) {
            record.logRetentionDays = v
        }
        flag("users_informed_of_ai", \.usersInformedOfAI)
        text("ai_disclosure_text", \.aiDisclosureText)
        if let n = map.node("human_oversight_measures"), let v = reader.stringList(n, path: path("human_oversight_measures")) {
            record.humanOversightMeasures = v
        }
        flag("override_capability", \.overrideCapability)
        metrics("accuracy_metrics", \.accuracyMetrics)
        flag("adversarial_testing", \.adversarialTesting)
        return record
    }

    private func readChecklist(_ node: DocumentNode, sources: inout SourceMap) -> [String: Attestation] {
        guard let entries = reader.freeEntries(node, path: "checklist") else { return [:] }
        let known = ChecklistCatalog.items.map(\.id)
        var result: [String: Attestation] = [:]
        for entry in entries {
            let id = entry.key.text
            let itemPath = "checklist.\(id)"
            let keyLocation = reader.location(entry.key.line, entry.key.column)
            if id.hasPrefix("x-") { continue }
            guard let item = ChecklistCatalog.item(id) else {
                var message = "unknown checklist item"
                if let suggestion = KeySuggestion.closest(to: id, in: known) { message += " (did you mean '\(suggestion)'?)" }
                reader.log.error(keyLocation, itemPath, message)
                continue
            }
            if item.isAuto {
                reader.log.error(keyLocation, itemPath, "is decided from the agent's data and cannot be attested")
                continue
            }
            if entry.value.isNull { continue }
            sources[itemPath] = keyLocation
            guard let map = reader.fields(entry.value, path: itemPath, known: Self.attestationKeys) else { continue }
            for key in Self.attestationKeys { reader.record(key, of: map, into: &sources) }
            guard let doneNode = map.node("done") else {
                reader.missing("done", in: map)
                continue
            }
            guard let done = readDone(doneNode, path: "\(itemPath).done") else { continue }
            var attestation = Attestation(done: done)
            attestation.evidence = map.node("evidence").flatMap { reader.string($0, path: "\(itemPath).evidence") }
            attestation.note = map.node("note").flatMap { reader.string($0, path: "\(itemPath).note") }
            result[id] = attestation
        }
        return result
    }

    /// `true`, `false`, or the string `n/a` (quoted or not).
    private func readDone(_ node: DocumentNode, path: String) -> Attestation.Done? {
        if case let .scalar(scalar) = node {
            if scalar.text == "n/a", reader.format == .yaml || scalar.style == .quoted { return .notApplicable }
            if scalar.style == .plain {
                if RecordReader.trueSpellings.contains(scalar.text) { return .yes }
                if RecordReader.falseSpellings.contains(scalar.text) { return .no }
            }
        }
        reader.error(node, path, "expected true, false or n/a, found \(node.kindDescription)")
        return nil
    }
}
