import DossierSupport
import DossierModel
import Foundation

/// Adds up scanned lines on one thread: names are interned to dense ids, and
/// counters live in flat tables indexed by those ids, so the hot path makes no
/// `String` and no dictionary lookup. `tally()` turns it into an `AuditTally`.
struct EventAccumulator: ~Copyable {
    private struct AgentCounts {
        var events = 0
        var allowed = 0
        var blocked = 0
        var malformed = 0
        var inputTokens = 0
        var outputTokens = 0
        var approved = 0
        var rejected = 0
        var timeout = 0
        var firstTimestamp = Double.infinity
        var lastTimestamp = -Double.infinity
        var firstFile = Int.max
    }

    private struct ActionCounts {
        var total = 0
        var blocked = 0
        var maxAmount: Amount?
        var maxBlockedAmount: Amount?
    }

    private var agentNames = NameTable()
    private var actionNames = NameTable()
    private var toolNames = NameTable()
    private var policyNames = NameTable()
    private var agents: [AgentCounts] = []
    private var durations: [Durations?] = []
    private var agentActions = PairTable()
    private var actions: [ActionCounts] = []
    private var agentTools = PairTable()
    private var tools: [Int] = []
    private var agentPolicies = PairTable()
    private var policies: [AgentTally.Policy] = []
    private var unattributed: [Int: Int] = [:]

    /// The index of the log file whose lines are being added.
    var file = 0

    init() {}

    @inline(__always)
    private mutating func agent(_ span: ByteSpan) -> Int {
        let id = agentNames.id(span)
        if id == agents.count {
            agents.append(AgentCounts())
            durations.append(nil)
        }
        if file < agents[id].firstFile { agents[id].firstFile = file }
        return id
    }

    /// Adds one line that `scanner` has just read.
    @inline(__always)
    mutating func add(_ kind: LineKind, from scanner: borrowing EventScanner) {
        switch kind {
        case .blank:
            return
        case .malformed:
            unattributed[file, default: 0] += 1
            return
        case .malformedWithAgent:
            agents[agent(scanner.event.agent!)].malformed += 1
            return
        case .event:
            break
        }
        let a = agent(scanner.event.agent!)
        let event = scanner.event
        let allowed = event.allowed!
        let timestamp = event.timestamp!
        do {
            var counts = agents[a]
            counts.events += 1
            if allowed { counts.allowed += 1 } else { counts.blocked += 1 }
            if let tokens = event.inputTokens { counts.inputTokens = saturatingAdd(counts.inputTokens, Int(tokens)) }
            if let tokens = event.outputTokens { counts.outputTokens = saturatingAdd(counts.outputTokens, Int(tokens)) }
            switch event.approval {
            case .approved: counts.approved += 1
            case .rejected: counts.rejected += 1
            case .timeout: counts.timeout += 1
            case .none: break
            }
            if timestamp < counts.firstTimestamp { counts.firstTimestamp = timestamp }
            if timestamp > counts.lastTimestamp { counts.lastTimestamp = timestamp }
            agents[a] = counts
        }

        let (actionIndex, newAction) = agentActions.index(a, actionNames.id(event.action!))
        if newAction { actions.append(ActionCounts()) }
        actions[actionIndex].total += 1
        if !allowed { actions[actionIndex].blocked += 1 }
        if let amount = event.amount {
            // Executed and blocked amounts apart: an attempt the policy engine stopped is not a transaction made.
            let current = allowed ? actions[actionIndex].maxAmount : actions[actionIndex].maxBlockedAmount
            if current == nil || event.amountValue >= current!.value {
                let larger = Amount.larger(current, Amount(value: event.amountValue, text: amount.string))
                if allowed { actions[actionIndex].maxAmount = larger } else { actions[actionIndex].maxBlockedAmount = larger }
            }
        }

        if let tool = event.tool {
            let (toolIndex, newTool) = agentTools.index(a, toolNames.id(tool))
            if newTool { tools.append(0) }
            tools[toolIndex] += 1
        }

        for i in 0..<event.violationCount {
            let violation = scanner.violation(i)
            let severity = violation.severity.severity
            let (policyIndex, newPolicy) = agentPolicies.index(a, policyNames.id(violation.policy))
            if newPolicy { policies.append(AgentTally.Policy(count: 0, severity: severity)) }
            policies[policyIndex].count += 1
            if severity < policies[policyIndex].severity { policies[policyIndex].severity = severity }
        }

        if let duration = event.duration {
            if durations[a] == nil { durations[a] = Durations() }
            durations[a]!.record(duration)
        }
    }

    /// Counts a line too long to read (it names no agent that can be trusted).
    mutating func addUnreadableLine() {
        unattributed[file, default: 0] += 1
    }

    /// The tally of every line added so far.
    func tally() -> AuditTally {
        var tally = AuditTally()
        tally.unattributed = unattributed
        var byAgent = [AgentTally](repeating: AgentTally(), count: agents.count)
        for (id, counts) in agents.enumerated() {
            var agent = AgentTally()
            agent.events = counts.events
            agent.allowed = counts.allowed
            agent.blocked = counts.blocked
            agent.malformedLines = counts.malformed
            agent.inputTokens = counts.inputTokens
            agent.outputTokens = counts.outputTokens
            agent.approvals = AuditSummary.Approvals(approved: counts.approved, rejected: counts.rejected, timeout: counts.timeout)
            if counts.events > 0 {
                agent.firstTimestamp = counts.firstTimestamp
                agent.lastTimestamp = counts.lastTimestamp
            }
            agent.durations = durations[id]
            agent.firstFile = counts.firstFile
            byAgent[id] = agent
        }
        for index in 0..<agentActions.count {
            let (a, action) = agentActions.pair(index)
            let counts = actions[index]
            byAgent[a].actions[actionNames.name(action)] = AgentTally.Action(total: counts.total, blocked: counts.blocked,
                                                                            maxAmount: counts.maxAmount,
                                                                            maxBlockedAmount: counts.maxBlockedAmount)
        }
        for index in 0..<agentTools.count {
            let (a, tool) = agentTools.pair(index)
            byAgent[a].tools[toolNames.name(tool)] = tools[index]
        }
        for index in 0..<agentPolicies.count {
            let (a, policy) = agentPolicies.pair(index)
            byAgent[a].policies[policyNames.name(policy)] = policies[index]
        }
        for (id, agent) in byAgent.enumerated() {
            tally.agents[agentNames.name(id)] = agent
        }
        return tally
    }
}
