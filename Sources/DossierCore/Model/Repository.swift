/// A loaded and validated governance repository: the input of scoring.
public struct Repository: Sendable {
    public var config: Config
    /// Agents by id in byte order.
    public var agents: [AgentRecord]
    /// Audit evidence by agent id.
    public var audits: [String: AuditSummary]
    /// Every input file read, relative to the root, with its bytes (for the manifest).
    public var inputFiles: [String]

    public init(config: Config, agents: [AgentRecord], audits: [String: AuditSummary], inputFiles: [String] = []) {
        self.config = config
        self.agents = agents.sorted { ByteOrder.less($0.id, $1.id) }
        self.audits = audits
        self.inputFiles = inputFiles
    }
}
