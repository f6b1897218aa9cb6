import DossierSupport
import DossierModel

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
