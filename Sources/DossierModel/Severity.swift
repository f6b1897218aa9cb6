import DossierSupport

/// How serious a gap is. Ordered from most to least severe.
public enum Severity: String, CaseIterable, Sendable, Comparable {
    case critical, high, medium, low

    /// 0 for critical … 3 for low.
    public var rank: Int {
        switch self {
        case .critical: 0
        case .high: 1
        case .medium: 2
        case .low: 3
        }
    }

    /// `a < b` when `a` is more severe.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// Whether `self` is at least as severe as `level`.
    public func isAtLeast(_ level: Severity) -> Bool { rank <= level.rank }

    /// The name shown to people (`High`).
    public var label: String {
        switch self {
        case .critical: "Critical"
        case .high: "High"
        case .medium: "Medium"
        case .low: "Low"
        }
    }
}

/// An agent's declared risk level.
public enum RiskLevel: String, CaseIterable, Sendable, Comparable {
    case low, medium, high, critical

    private var order: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (a: RiskLevel, b: RiskLevel) -> Bool { a.order < b.order }

    /// The name shown to people (`High`).
    public var label: String {
        switch self {
        case .low: "Low"
        case .medium: "Medium"
        case .high: "High"
        case .critical: "Critical"
        }
    }

    /// Articles 9–15 bind high-risk systems; a failed check takes the agent's level as its severity.
    public var gapSeverity: Severity {
        switch self {
        case .low: .low
        case .medium: .medium
        case .high: .high
        case .critical: .critical
        }
    }
}
