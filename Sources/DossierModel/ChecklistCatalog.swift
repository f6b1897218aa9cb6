import DossierSupport

/// One of the 19 items of the deployment checklist.
public struct ChecklistItem: Sendable {
    public let id: String
    public let section: String
    public let title: String
    /// Decided from the data; an attestation on it is an error.
    public let isAuto: Bool
}

/// The governance checklist, in its fixed order (five sections, 19 items).
public enum ChecklistCatalog {
    public static let items: [ChecklistItem] = [
        ChecklistItem(id: "risk_level_classified", section: "Risk assessment", title: "Classified agent risk level", isAuto: true),
        ChecklistItem(id: "failure_modes_documented", section: "Risk assessment", title: "Documented potential failure modes", isAuto: false),
        ChecklistItem(id: "stakeholders_identified", section: "Risk assessment", title: "Identified affected stakeholders", isAuto: false),
        ChecklistItem(id: "allowed_tools_defined", section: "Policy definition", title: "Defined allowed tools and actions", isAuto: true),
        ChecklistItem(id: "action_limits_set", section: "Policy definition", title: "Set transaction/action limits", isAuto: true),
        ChecklistItem(id: "approval_requirements_specified", section: "Policy definition", title: "Specified human approval requirements", isAuto: true),
        ChecklistItem(id: "data_access_documented", section: "Policy definition", title: "Documented data access restrictions", isAuto: false),
        ChecklistItem(id: "policy_engine_tested", section: "Technical controls", title: "Policy engine implemented and tested", isAuto: false),
        ChecklistItem(id: "audit_logging_enabled", section: "Technical controls", title: "Audit logging enabled (min 6 months retention)", isAuto: true),
        ChecklistItem(id: "approval_gate_for_high_risk", section: "Technical controls", title: "Human approval gate for high-risk actions", isAuto: true),
        ChecklistItem(id: "rate_limiting", section: "Technical controls", title: "Rate limiting on tool calls", isAuto: false),
        ChecklistItem(id: "output_filtering", section: "Technical controls", title: "Output filtering for sensitive data", isAuto: false),
        ChecklistItem(id: "violation_metrics", section: "Monitoring", title: "Metrics for policy violations", isAuto: false),
        ChecklistItem(id: "unusual_behavior_alerts", section: "Monitoring", title: "Alerts for unusual behavior", isAuto: false),
        ChecklistItem(id: "governance_dashboard", section: "Monitoring", title: "Dashboard for governance health", isAuto: false),
        ChecklistItem(id: "eu_ai_act_assessed", section: "Compliance", title: "EU AI Act requirements assessed", isAuto: true),
        ChecklistItem(id: "gdpr_documented", section: "Compliance", title: "GDPR data handling documented", isAuto: false),
        ChecklistItem(id: "sector_requirements_reviewed", section: "Compliance", title: "Sector-specific requirements reviewed", isAuto: false),
        ChecklistItem(id: "incident_response_plan", section: "Compliance", title: "Incident response plan documented", isAuto: false),
    ]

    public static func item(_ id: String) -> ChecklistItem? { items.first { $0.id == id } }
}
