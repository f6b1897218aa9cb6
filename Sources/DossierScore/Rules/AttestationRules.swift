import DossierModel
import DossierSupport

// Rules about who vouches for the record: an article that passes on the record
// alone, and attestations too old (or dated after the as-of date) to rely on.

extension FindingRule {
    static let articleUnattested = FindingRule(
        id: "article-unattested", severity: .medium,
        summary: "Risk level high or critical, an article check passes, and nobody vouches for it with proof: no attestation, or one with no existing evidence entry (one finding per article).",
        remediation: "Add an attestation for the article (attestations.art-<n>: by, date, and evidence: the documents or links that prove the record)."
    ) { rule, context in
        guard context.agent.risk.level >= .high else { return [] }
        return ArticleCheck.all.compactMap { check -> Gap? in
            guard check.evaluate(context.agent.compliance, thresholds: context.config.thresholds).passed else { return nil }
            let key = check.attestationKey
            let attestation = context.agent.attestations[key]
            if let attestation, attestation.hasExistingEvidence { return nil }  // evidenced, or stale (attestation-stale says so)
            let field = "attestations.\(key)"
            let source = context.agent.sources[field] ?? context.agent.sources.location(of: "compliance")
            let message = attestation.map { "\(check.article) passes, but its attestation by \($0.by) has no evidence that exists" }
                ?? "\(check.article) passes on the record alone: nobody attests it with evidence"
            return context.finding(rule, field: field, subject: key, message: message, source: source)
        }
    }

    static let attestationStale = FindingRule(
        id: "attestation-stale", severity: .medium,
        summary: "An attestation is dated more than thresholds.assessment_max_age_days before as_of, or after as_of (one finding per attestation, whatever the check's result).",
        remediation: "Have the record reviewed again and attest it with a new date and evidence."
    ) { rule, context in
        let maxAge = context.config.thresholds.assessmentMaxAgeDays
        return context.agent.attestations.sorted { ByteOrder.less($0.key, $1.key) }.compactMap { key, attestation -> Gap? in
            guard attestation.isStale(asOf: context.asOf, maxAgeDays: maxAge) else { return nil }
            let age = attestation.date.days(until: context.asOf)
            let message = age < 0
                ? "the \(key) attestation by \(attestation.by) is dated \(attestation.date), \(Counted.phrase(-age, "day")) after the as-of date \(context.asOf)"
                : "the \(key) attestation by \(attestation.by) of \(attestation.date) is \(age) days old, more than the \(maxAge) allowed"
            return context.finding(rule, field: "attestations.\(key).date", subject: key, message: message)
        }
    }
}
