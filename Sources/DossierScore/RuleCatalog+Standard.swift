import DossierSupport
import DossierModel

extension RuleCatalog {
    /// The seven article checks and every finding rule, as scoring applies them.
    package static let standard = RuleCatalog(articleChecks: ArticleCheck.all.map(\.id),
                                             findings: FindingRule.all.map { ($0.id, $0.severity) })
}
