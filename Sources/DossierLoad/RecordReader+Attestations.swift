import DossierSupport
import DossierModel
import Foundation

extension RecordReader {
    /// One entry of an `attestations:` map, read.
    struct AttestationEntry {
        let key: String
        let path: String
        let keyLocation: SourceLocation
        let fields: Fields
        /// `nil` when `by` or `date` is missing or invalid (already reported).
        let attestation: Attestation?
    }

    /// `attestations:` (INPUT.md): by key, each `{by, date, evidence, note}` with `by` and `date` required.
    /// Keys outside `known` are errors with the closest known key; `x-` keys and null entries are skipped.
    /// The attestation keys of an agent (`art-9` … `art-15`) in dossier.yaml are an error of their own.
    func attestations(_ node: DocumentNode, known: [String], path: String = "attestations") -> [AttestationEntry] {
        guard let entries = freeEntries(node, path: path) else { return [] }
        var result: [AttestationEntry] = []
        for entry in entries {
            let key = entry.key.text
            if key.hasPrefix("x-") { continue }
            let entryPath = "\(path).\(key)"
            let keyLocation = location(entry.key.line, entry.key.column)
            guard known.contains(key) else {
                if Attestation.articleKeys.contains(key) {
                    log.error(keyLocation, entryPath, "\(key) is attested per agent, in its agent file; dossier.yaml attests the obligations met once for every agent (\(known.joined(separator: ", ")))")
                    continue
                }
                var message = "unknown attestation key (expected one of \(known.joined(separator: ", ")))"
                if let suggestion = KeySuggestion.closest(to: key, in: known) { message = "unknown attestation key (did you mean '\(suggestion)'?)" }
                log.error(keyLocation, entryPath, message)
                continue
            }
            if entry.value.isNull { continue }
            guard let map = fields(entry.value, path: entryPath, known: AgentReader.attestationKeys) else { continue }
            for field in AgentFields.attestation where field.required && !map.has(field.key) { missing(field.key, in: map) }
            let by = map.node("by").flatMap { requiredText($0, path: "\(entryPath).by") }
            let date = map.node("date").flatMap { self.date($0, path: "\(entryPath).date", allowEmpty: false) ?? nil }
            let note = map.node("note").flatMap { string($0, path: "\(entryPath).note") }
            let evidence = map.node("evidence").flatMap { evidenceList($0, path: "\(entryPath).evidence") } ?? []
            let attestation = by.flatMap { by in date.map { Attestation(by: by, date: $0, evidence: evidence, note: note) } }
            result.append(AttestationEntry(key: key, path: entryPath, keyLocation: keyLocation, fields: map, attestation: attestation))
        }
        return result
    }

    /// A list of evidence entries (paths or URLs), each with its place in the file; existence is decided by the loader.
    func evidenceList(_ node: DocumentNode, path: String) -> [Attestation.Evidence]? {
        guard case let .list(list) = node else {
            error(node, path, "expected a list of repository paths or URLs, found \(node.kindDescription)")
            return nil
        }
        var result: [Attestation.Evidence] = []
        for (index, item) in list.items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard !item.isNull else {
                error(item, itemPath, "expected a path or URL, found null")
                continue
            }
            guard let text = requiredText(item, path: itemPath) else { continue }
            result.append(Attestation.Evidence(ref: text, location: location(of: item)))
        }
        return result
    }
}

extension RecordReader {
    /// One map of a list file (`waivers.yaml`, `incidents.yaml`), read as strictly as an agent file:
    /// its keys checked, the required ones reported when missing, each value read on demand.
    struct ListEntry {
        let reader: RecordReader
        let fields: Fields
        let path: String

        /// A non-empty text value, reported when it is not one.
        func text(_ key: String) -> String? {
            fields.node(key).flatMap { reader.requiredText($0, path: RecordReader.join(path, key)) }
        }

        /// A date value (`""` is an error).
        func date(_ key: String) -> CalendarDate? {
            fields.node(key).flatMap { reader.date($0, path: RecordReader.join(path, key), allowEmpty: false) ?? nil }
        }

        /// An agent id that must name a file in `agents/`; an unknown one is reported with the closest id.
        func agent(_ key: String, known: Set<String>) -> String? {
            guard let agent = text(key) else { return nil }
            if !known.contains(agent), let node = fields.node(key) {
                var message = "no agent '\(TextRules.displayable(agent))' in agents/"
                if let suggestion = KeySuggestion.closest(to: agent, in: known.sorted(by: ByteOrder.less)) {
                    message += " (did you mean '\(suggestion)'?)"
                }
                reader.error(node, RecordReader.join(path, key), message)
            }
            return agent
        }
    }

    /// The entry `node` of a list file with the keys of `fields`; `nil` (after reporting) when it is not a map.
    /// `what` names an entry in the error for a null one ("a waiver (a map)").
    func listEntry(_ node: DocumentNode, path: String, fields keys: [(key: String, required: Bool)], what: String) -> ListEntry? {
        if node.isNull {
            error(node, path, "expected \(what), found nothing")
            return nil
        }
        guard let map = fields(node, path: path, known: keys.map(\.key)) else { return nil }
        for field in keys where field.required && !map.has(field.key) { missing(field.key, in: map) }
        return ListEntry(reader: self, fields: map, path: path)
    }
}

extension RecordReader {
    /// A map of raw event key → JSON Pointer (`audit_fields:` in dossier.yaml, `summarize --fields FILE`):
    /// unknown keys (with the closest one), pointers that are not RFC 6901, and keys read at one place
    /// or inside one another are errors.
    func auditFields(_ node: DocumentNode, path: String) -> AuditFields {
        var fields = AuditFields()
        guard let entries = freeEntries(node, path: path) else { return fields }
        for entry in entries {
            let key = entry.key.text
            if key.hasPrefix("x-") { continue }
            let keyPath = RecordReader.join(path, key)
            guard AuditFields.keys.contains(key) else {
                var message = "unknown event key"
                if let suggestion = KeySuggestion.closest(to: key, in: AuditFields.keys) { message += " (did you mean '\(suggestion)'?)" }
                log.error(location(entry.key.line, entry.key.column), keyPath, message)
                continue
            }
            guard !entry.value.isNull, let pointer = string(entry.value, path: keyPath) else {
                if entry.value.isNull { error(entry.value, keyPath, "expected a JSON Pointer such as /attributes/agent, found nothing") }
                continue
            }
            if let problem = fields.map(key, to: pointer) { error(entry.value, keyPath, problem) }
        }
        for problem in fields.conflicts { error(node, path, problem) }
        return fields
    }
}

/// `dossier summarize --fields FILE`: a YAML map of raw event key → JSON Pointer, as `audit_fields:`.
package enum AuditFieldsFile {
    /// The mapping, or the problems of the file (with `path` as written, line and key).
    package static func read(_ path: String) throws(InputOutputError) -> (AuditFields?, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputOutputError(path: path, reason: "cannot read the file")
        }
        let bytes = [UInt8](data)
        let log = DiagnosticLog()
        if let problem = TextCheck.firstProblem(in: bytes) {
            log.error(SourceLocation(file: path, line: problem.line, column: problem.column), "", problem.message)
            return (nil, log.sorted)
        }
        let reader = RecordReader(file: path, format: .yaml, log: log)
        guard let parsed = RepositoryLoader.parse(bytes, reader: reader) else { return (nil, log.sorted) }
        guard let root = parsed, !root.isNull else { return (AuditFields(), []) }
        let fields = reader.auditFields(root, path: "")
        return log.hasErrors ? (nil, log.sorted) : (fields, log.sorted)
    }
}
