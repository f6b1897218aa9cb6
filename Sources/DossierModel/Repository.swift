import DossierSupport

/// A loaded and validated governance repository: the input of scoring.
public struct Repository: Sendable {
    public var config: Config
    /// Agents by id in byte order.
    public var agents: [AgentRecord]
    /// Audit evidence by agent id.
    public var audits: [String: AuditSummary]
    /// The pages under `docs/`, by path in byte order.
    public var documents: [Document]
    /// Every input file read, by path in byte order (for the manifest).
    public var inputs: [FileDigest]
    /// `waivers.yaml`, in file order.
    public var waivers: [Waiver]
    /// `incidents.yaml`, in file order (OBLIGATIONS.md).
    public var incidents: [Incident] = []

    public init(config: Config, agents: [AgentRecord], audits: [String: AuditSummary],
                documents: [Document] = [], inputs: [FileDigest] = [], waivers: [Waiver] = []) {
        self.config = config
        self.agents = agents.sorted { ByteOrder.less($0.id, $1.id) }
        self.audits = audits
        self.documents = documents.sorted { ByteOrder.less($0.path, $1.path) }
        self.inputs = inputs.sorted { ByteOrder.less($0.path, $1.path) }
        self.waivers = waivers
    }
}
