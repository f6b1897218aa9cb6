import DossierSupport
import DossierModel
import DossierAudit

/// Reads one agent file into an `AgentRecord` (INPUT.md, "agents/<id>.yaml").
struct AgentReader {
    static let topKeys = AgentFields.top.map(\.key)
    static let riskKeys = AgentFields.risk.map(\.key)
    static let complianceKeys = AgentFields.compliance.map(\.key)
    static let checklistEntryKeys = AgentFields.checklistEntry.map(\.key)
    static let attestationKeys = AgentFields.attestation.map(\.key)
    static let classificationKeys = AgentFields.classification.map(\.key)
    static let classificationPaths = classificationKeys.map { "classification.\($0)" }

    /// The key paths source maps record, made once and shared by every agent.
    static let riskPaths = riskKeys.map { "risk.\($0)" }
    static let compliancePaths = complianceKeys.map { "compliance.\($0)" }
    /// By checklist item id: `checklist.<id>` and `checklist.<id>.<key>` for each checklist entry key.
    static let checklistPaths: [String: (item: String, keys: [String])] = Dictionary(
        uniqueKeysWithValues: ChecklistCatalog.items.map { item in
            (item.id, ("checklist.\(item.id)", checklistEntryKeys.map { "checklist.\(item.id).\($0)" }))
        })

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
        reader.record(Self.topKeys, of: top, into: &sources)

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
        if let node = top.node("description"), description.utf8.count > Limits.markdownBytes {
            reader.error(node, "description", "Markdown text is \(description.utf8.count) bytes, over the \(Limits.mebibytes(Limits.markdownBytes)) limit")
        }
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
        var checklist: [String: ChecklistAttestation] = [:]
        if let node = top.node("checklist") {
            checklist = readChecklist(node, sources: &sources)
        }
        var attestations: [String: Attestation] = [:]
        if let node = top.node("attestations") {
            attestations = readAttestations(node, sources: &sources)
        }
        var classification: Classification?
        if let node = top.node("classification") {
            classification = readClassification(node, sources: &sources)
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
        agent.attestations = attestations
        agent.classification = classification
        agent.extensions = top.extensions
        agent.sources = sources
        return agent
    }

    private func readRisk(_ node: DocumentNode, sources: inout SourceMap) -> RiskProfile? {
        guard let map = reader.fields(node, path: "risk", known: Self.riskKeys) else { return nil }
        reader.record(Self.riskPaths, of: map, into: &sources)
        var level: RiskLevel?
        if let levelNode = map.node("level") {
            level = reader.oneOf(levelNode, path: "risk.level", RiskLevel.allCases)
        } else {
            reader.missing("level", in: map)
        }
        // The other keys are checked even when the level is bad, so that one run reports every error.
        var risk = RiskProfile(level: level ?? .low)
        read(map, AgentFields.risk, into: &risk)
        return level == nil ? nil : risk
    }

    private func readCompliance(_ node: DocumentNode, sources: inout SourceMap) -> ComplianceRecord {
        var record = ComplianceRecord()
        guard let map = reader.fields(node, path: "compliance", known: Self.complianceKeys) else { return record }
        reader.record(Self.compliancePaths, of: map, into: &sources)
        read(map, AgentFields.compliance, into: &record)
        return record
    }

    private func readChecklist(_ node: DocumentNode, sources: inout SourceMap) -> [String: ChecklistAttestation] {
        guard let entries = reader.freeEntries(node, path: "checklist") else { return [:] }
        var result: [String: ChecklistAttestation] = [:]
        for entry in entries {
            let id = entry.key.text
            let itemPath = "checklist.\(id)"
            let keyLocation = reader.location(entry.key.line, entry.key.column)
            if id.hasPrefix("x-") { continue }
            guard let item = ChecklistCatalog.item(id) else {
                var message = "unknown checklist item"
                if let suggestion = KeySuggestion.closest(to: id, in: ChecklistCatalog.items.map(\.id)) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                reader.log.error(keyLocation, itemPath, message)
                continue
            }
            if item.isAuto {
                reader.log.error(keyLocation, itemPath, "is decided from the agent's data and cannot be attested")
                continue
            }
            if entry.value.isNull { continue }
            let paths = Self.checklistPaths[id] ?? (itemPath, Self.checklistEntryKeys.map { "\(itemPath).\($0)" })
            sources[paths.item] = keyLocation
            guard let map = reader.fields(entry.value, path: itemPath, known: Self.checklistEntryKeys) else { continue }
            reader.record(paths.keys, of: map, into: &sources)
            guard let doneNode = map.node("done") else {
                reader.missing("done", in: map)
                continue
            }
            guard let done = readDone(doneNode, path: "\(itemPath).done") else { continue }
            var attestation = ChecklistAttestation(done: done)
            read(map, AgentFields.checklistEntry, into: &attestation)
            result[id] = attestation
        }
        return result
    }

    /// `attestations:`: by key (`art-9` … `art-15` and the obligation ids), each `{by, date, evidence, note}`.
    private func readAttestations(_ node: DocumentNode, sources: inout SourceMap) -> [String: Attestation] {
        var result: [String: Attestation] = [:]
        for entry in reader.attestations(node, known: Attestation.allKeys) {
            sources[entry.path] = entry.keyLocation
            for field in Self.attestationKeys { reader.record(field, of: entry.fields, into: &sources) }
            if let attestation = entry.attestation { result[entry.key] = attestation }
        }
        return result
    }

    /// `classification:` (OBLIGATIONS.md): role, Annex III areas, Annex I, the Art. 6(3) exemption, profiling,
    /// and the Art. 50 triggers. The role may come from dossier.yaml; the loader checks that one does.
    private func readClassification(_ node: DocumentNode, sources: inout SourceMap) -> Classification? {
        guard let map = reader.fields(node, path: "classification", known: Self.classificationKeys) else { return nil }
        reader.record(Self.classificationPaths, of: map, into: &sources)
        var classification = Classification()
        let errorsBefore = reader.log.errorCount
        if let n = map.node("role") { classification.role = reader.oneOf(n, path: "classification.role", Role.allCases) }
        if let n = map.node("annex_iii") { classification.annexIII = readAreas(n) }
        read(map, AgentFields.classification, into: &classification)
        if classification.art63Exemption, let n = map.node("art_6_3_exemption") {
            // Art. 6(3): only an Annex III system can claim it, never one under Annex I or one that profiles people.
            if classification.annexIII.isEmpty, reader.log.errorCount == errorsBefore {
                reader.error(n, "classification.art_6_3_exemption", "the Art. 6(3) exemption needs an annex_iii area (it applies to Annex III systems only)")
            }
            if classification.annexI {
                reader.error(n, "classification.art_6_3_exemption", "the Art. 6(3) exemption does not apply to an Annex I system (annex_i is true)")
            }
            if classification.profiling {
                reader.error(n, "classification.art_6_3_exemption", "an Annex III system that profiles natural persons is always high-risk (Art. 6(3), last subparagraph): the exemption cannot be claimed with profiling: true")
            }
        }
        return reader.log.errorCount == errorsBefore ? classification : nil
    }

    /// `annex_iii:`: a list of areas; an unknown one is an error with the closest area.
    private func readAreas(_ node: DocumentNode) -> [AnnexIIIArea] {
        guard let texts = reader.stringList(node, path: "classification.annex_iii") else { return [] }
        guard case let .list(list) = node else { return [] }
        var areas: [AnnexIIIArea] = []
        for (index, (text, item)) in zip(texts, list.items).enumerated() {
            guard let area = AnnexIIIArea(rawValue: text) else {
                let known = AnnexIIIArea.allCases.map(\.rawValue)
                var message = "unknown Annex III area '\(TextRules.displayable(text))'"
                if let suggestion = KeySuggestion.closest(to: text, in: known) {
                    message += " (did you mean '\(suggestion)'?)"
                } else {
                    message += " (expected one of \(known.joined(separator: ", ")))"
                }
                reader.error(item, "classification.annex_iii[\(index)]", message)
                continue
            }
            if !areas.contains(area) { areas.append(area) }
        }
        return areas
    }

    /// Reads the keys of `fields` that have a binding, by kind, into `root`.
    private func read<Root>(_ map: RecordReader.Fields, _ fields: [AgentFields.Field<Root>], into root: inout Root) {
        for field in fields {
            guard let binding = field.binding, let node = map.node(field.key) else { continue }
            let path = RecordReader.join(map.path, field.key)
            switch field.kind {
            case .text, .requiredText:
                guard let value = field.kind == .text ? reader.string(node, path: path) : reader.requiredText(node, path: path)
                else { continue }
                set(value, binding, &root)
                set(Optional(value), binding, &root)
            case .flag:
                if let value = reader.bool(node, path: path) { set(value, binding, &root) }
            case .count:
                if let value = reader.count(node, path: path) { set(value, binding, &root) }
            case .amount:
                if let value = reader.number(node, path: path) { set(value, binding, &root) }
            case .date:
                if let value = reader.date(node, path: path) { set(value, binding, &root) }
            case .requiredDate:
                if let value = reader.date(node, path: path, allowEmpty: false) { set(value, binding, &root) }
            case .textList:
                if let value = reader.stringList(node, path: path) { set(value, binding, &root) }
            case .metrics:
                if let value = reader.metrics(node, path: path) { set(value, binding, &root) }
            case .level, .done, .map, .checklist, .attestations, .evidenceList, .role, .areas:
                break  // read by the caller
            }
        }
    }

    /// Stores `value` at `binding` when the binding has its type (the table's kinds and bindings agree; a test checks it).
    private func set<Root, Value>(_ value: Value, _ binding: PartialKeyPath<Root>, _ root: inout Root) {
        if let keyPath = binding as? WritableKeyPath<Root, Value> { root[keyPath: keyPath] = value }
    }

    /// `true`, `false`, or the string `n/a` (quoted or not).
    private func readDone(_ node: DocumentNode, path: String) -> ChecklistAttestation.Done? {
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
