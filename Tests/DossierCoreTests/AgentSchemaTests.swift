@testable import DossierSupport
@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
@testable import DossierScore
@testable import DossierCompare
@testable import DossierRender
@testable import DossierSite
@testable import DossierCore
import Foundation
import Testing

/// The field table that the loader reads agent files by, and the schema made from it.
struct AgentSchemaTests {
    /// Each binding has the Swift type its kind reads into, so that no value is dropped.
    @Test func bindingsAgreeWithKinds() {
        func check<Root>(_ fields: [AgentFields.Field<Root>]) {
            for field in fields {
                guard let binding = field.binding else {
                    #expect([.level, .done, .map, .checklist, .attestations, .requiredText, .requiredDate, .text, .textList,
                         .evidenceList, .role, .areas].contains(field.kind),
                            "\(field.key) has no binding")
                    continue
                }
                let fits: Bool
                switch field.kind {
                case .text, .requiredText:
                    fits = binding is WritableKeyPath<Root, String> || binding is WritableKeyPath<Root, String?>
                case .flag: fits = binding is WritableKeyPath<Root, Bool>
                case .count: fits = binding is WritableKeyPath<Root, Int>
                case .amount: fits = binding is WritableKeyPath<Root, ExactDecimal>
                case .date, .requiredDate: fits = binding is WritableKeyPath<Root, CalendarDate?>
                case .textList: fits = binding is WritableKeyPath<Root, [String]>
                case .metrics: fits = binding is WritableKeyPath<Root, [(String, ExactDecimal)]>
                case .level, .done, .map, .checklist, .attestations, .evidenceList, .role, .areas: fits = false
                }
                #expect(fits, "\(field.key): its binding does not have the type of \(field.kind)")
            }
        }
        check(AgentFields.top)
        check(AgentFields.risk)
        check(AgentFields.compliance)
        check(AgentFields.checklistEntry)
        check(AgentFields.attestation)
        check(AgentFields.classification)
    }

    @Test func schemaDescribesEveryKeyTheLoaderReads() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(AgentSchema.render().utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(AgentReader.topKeys))
        #expect(schema["required"] as? [String] == ["name", "risk"])
        #expect(schema["additionalProperties"] as? Bool == false)
        let risk = try #require(properties["risk"] as? [String: Any])
        #expect(Set((risk["properties"] as? [String: Any] ?? [:]).keys) == Set(AgentReader.riskKeys))
        let compliance = try #require(properties["compliance"] as? [String: Any])
        let complianceObject = try #require((compliance["anyOf"] as? [[String: Any]])?.first)
        #expect(Set((complianceObject["properties"] as? [String: Any] ?? [:]).keys) == Set(AgentReader.complianceKeys))
        let checklist = try #require((properties["checklist"] as? [String: Any])?["anyOf"] as? [[String: Any]])
        let items = Set((checklist.first?["properties"] as? [String: Any] ?? [:]).keys)
        #expect(items == Set(ChecklistCatalog.items.filter { !$0.isAuto }.map(\.id)), "auto items cannot be attested")
    }
}
