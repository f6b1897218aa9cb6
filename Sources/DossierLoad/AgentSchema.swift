import DossierSupport
import DossierModel

/// The JSON Schema (draft 2020-12) of agent files, for editors that validate YAML
/// and JSON while people type (`dossier schema`). It is generated from
/// `AgentFields`, the table the loader reads agent files by, so the two cannot
/// drift apart.
///
/// One schema serves YAML and JSON files, so it accepts what the loader accepts
/// in either: a string field takes any scalar (in YAML, `version: 1.10` is the
/// text `1.10`), and `null` is the same as an absent key. What JSON Schema
/// cannot say is left to the loader: the id must equal the file name, dates
/// must exist on the calendar, a key may not be given twice.
package enum AgentSchema {
    package static let identifier = "urn:dossier:schema:agent-file:v1"

    package static func render() -> String { document.rendered() }

    package static var document: JSONValue {
        var root = object(AgentFields.top, nested: [
            "risk": object(AgentFields.risk, nested: [:]),
            "compliance": object(AgentFields.compliance, nested: [:]),
            "checklist": checklist,
            "attestations": attestations,
            "classification": object(AgentFields.classification, nested: [:]),
        ])
        root.insert(contentsOf: [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string(identifier)),
            ("title", .string("Dossier agent file")),
            ("description", .string("One AI agent of a governance repository: agents/<id>.yaml, .yml or .json.")),
        ], at: 0)
        return .object(root)
    }

    /// A map with the fixed keys of `fields` (and `x-` extensions).
    private static func object<Root>(_ fields: [AgentFields.Field<Root>], nested: [String: [(String, JSONValue)]]) -> [(String, JSONValue)] {
        let properties: [(String, JSONValue)] = fields.map { field in
            var schema: [(String, JSONValue)] = [("description", .string(field.about))]
            if let members = nested[field.key] {
                schema += members
            } else {
                schema += value(field.kind)
            }
            return (field.key, field.required ? .object(schema) : nullable(schema))
        }
        var members: [(String, JSONValue)] = [("type", .string("object")), ("properties", .object(properties))]
        let required = fields.filter(\.required).map { JSONValue.string($0.key) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members += [("patternProperties", .object([("^x-", .object([]))])), ("additionalProperties", .bool(false))]
        return members
    }

    /// The checklist: the attestable items (not those decided from the agent's data).
    private static var checklist: [(String, JSONValue)] {
        let attestation = object(AgentFields.checklistEntry, nested: [:])
        let items: [(String, JSONValue)] = ChecklistCatalog.items.filter { !$0.isAuto }.map { item in
            (item.id, nullable([("description", .string("\(item.section): \(item.title)"))] + attestation))
        }
        return [("type", .string("object")), ("properties", .object(items)),
                ("patternProperties", .object([("^x-", .object([]))])), ("additionalProperties", .bool(false))]
    }

    /// The attestations: one per article key and obligation id, each `{by, date, evidence, note}`.
    private static var attestations: [(String, JSONValue)] {
        let attestation = object(AgentFields.attestation, nested: [:])
        let keys: [(String, JSONValue)] = Attestation.allKeys.map { key in
            let about = ObligationCatalog.definition(key).map { "The attestation that \($0.article) (\($0.title)) is met." }
                ?? "The attestation of Art. \(key.dropFirst(4))'s record."
            return (key, nullable([("description", .string(about))] + attestation))
        }
        return [("type", .string("object")), ("properties", .object(keys)),
                ("patternProperties", .object([("^x-", .object([]))])), ("additionalProperties", .bool(false))]
    }

    /// What a value of `kind` may be (INPUT.md "Types").
    private static func value(_ kind: AgentFields.Kind) -> [(String, JSONValue)] {
        let scalar: JSONValue = .array([.string("string"), .string("number"), .string("boolean")])
        switch kind {
        case .text:
            return [("type", scalar)]
        case .requiredText:
            return [("type", scalar), ("pattern", .string("\\S"))]
        case .flag:
            return [("type", .string("boolean"))]
        case .count:
            return [("type", .string("integer")), ("minimum", .int(0))]
        case .amount:
            return [("type", .string("number")), ("minimum", .int(0))]
        case .date:
            return [("anyOf", .array([
                .object([("type", .string("string")), ("format", .string("date")),
                         ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]),
                .object([("const", .string(""))]),
            ]))]
        case .requiredDate:
            return [("type", .string("string")), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
        case .textList:
            return [("type", .string("array")), ("items", .object([("type", scalar)]))]
        case .metrics:
            return [("type", .string("object")), ("additionalProperties", .object([("type", .string("number"))]))]
        case .level:
            return [("enum", .array(RiskLevel.allCases.map { .string($0.rawValue) }))]
        case .done:
            return [("enum", .array([.bool(true), .bool(false), .string("n/a")]))]
        case .evidenceList:
            return [("type", .string("array")), ("items", .object([("type", scalar), ("pattern", .string("\\S"))]))]
        case .role:
            return [("enum", .array(Role.allCases.map { .string($0.rawValue) }))]
        case .areas:
            return [("type", .string("array")), ("items", .object([("enum", .array(AnnexIIIArea.allCases.map { .string($0.rawValue) }))]))]
        case .map, .checklist, .attestations:
            return [("type", .string("object"))]
        }
    }

    /// `schema`, or `null` (an absent key).
    private static func nullable(_ schema: [(String, JSONValue)]) -> JSONValue {
        let description = schema.first { $0.0 == "description" }
        let rest = schema.filter { $0.0 != "description" }
        var members: [(String, JSONValue)] = description.map { [$0] } ?? []
        members.append(("anyOf", .array([.object(rest), .object([("type", .string("null"))])])))
        return .object(members)
    }
}
