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

    /// An action's example events (SCORING.md).
    private struct ActionExamples {
        var firstExecuted = TallyExample.none
        var firstBlocked = TallyExample.none
        var largest: AmountExample?
    }

    private var agentNames = NameTable()
    private var actionNames = NameTable()
    private var toolNames = NameTable()
    private var policyNames = NameTable()
    private var agents: [AgentCounts] = []
    private var durations: [Durations?] = []
    private var agentActions = PairTable()
    private var actions: [ActionCounts] = []
    private var actionExamples: [ActionExamples] = []
    private var agentTools = PairTable()
    private var tools: [Int] = []
    private var toolFirstUse: [TallyExample] = []
    private var agentPolicies = PairTable()
    private var policies: [AgentTally.Policy] = []
    private var policyFirstCritical: [TallyExample] = []
    private var unattributed: [Int: Int] = [:]

    /// The index of the log file whose lines are being added.
    private(set) var file = 0
    /// The read unit (a chunk, or a whole file) whose lines are being added, and how many of its
    /// lines have been added: every line, blank, malformed and unreadable ones included.
    private(set) var unit = 0
    private(set) var line = 0

    init() {}

    /// Starts adding the lines of read unit `unit` of log file `file`.
    mutating func begin(unit: Int, file: Int) {
        self.unit = unit
        self.file = file
        line = 0
    }

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
        line += 1
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

        // Example events are compared by place first; an id becomes a String only for a new example.
        let position = EventPosition(unit: unit, line: line)
        let (actionIndex, newAction) = agentActions.index(a, actionNames.id(event.action!))
        if newAction {
            actions.append(ActionCounts())
            actionExamples.append(ActionExamples())
        }
        actions[actionIndex].total += 1
        if allowed {
            actionExamples[actionIndex].firstExecuted.keepFirst(position, event.eventID?.string)
        } else {
            actions[actionIndex].blocked += 1
            actionExamples[actionIndex].firstBlocked.keepFirst(position, event.eventID?.string)
        }
        if let amount = event.amount {
            // Executed and blocked amounts apart: an attempt the policy engine stopped is not a transaction made.
            let current = allowed ? actions[actionIndex].maxAmount : actions[actionIndex].maxBlockedAmount
            if current == nil || event.amountValue >= current!.value {
                let candidate = Amount(value: event.amountValue, text: amount.string)
                if allowed {
                    actions[actionIndex].maxAmount = Amount.larger(current, candidate)
                    var example = AmountExample(amount: candidate, example: TallyExample(position: position, eventID: nil))
                    if actionExamples[actionIndex].largest.map(example.precedes) ?? true {
                        example.example.eventID = event.eventID?.string
                        actionExamples[actionIndex].largest = example
                    }
                } else {
                    actions[actionIndex].maxBlockedAmount = Amount.larger(current, candidate)
                }
            }
        }

        if let tool = event.tool {
            let (toolIndex, newTool) = agentTools.index(a, toolNames.id(tool))
            if newTool {
                tools.append(0)
                toolFirstUse.append(.none)
            }
            tools[toolIndex] += 1
            toolFirstUse[toolIndex].keepFirst(position, event.eventID?.string)
        }

        for i in 0..<event.violationCount {
            let violation = scanner.violation(i)
            let severity = violation.severity.severity
            let (policyIndex, newPolicy) = agentPolicies.index(a, policyNames.id(violation.policy))
            if newPolicy {
                policies.append(AgentTally.Policy(count: 0, severity: severity))
                policyFirstCritical.append(.none)
            }
            policies[policyIndex].count += 1
            if severity < policies[policyIndex].severity { policies[policyIndex].severity = severity }
            if violation.severity == .critical {
                policyFirstCritical[policyIndex].keepFirst(position, event.eventID?.string)
            }
        }

        if let duration = event.duration {
            if durations[a] == nil { durations[a] = Durations() }
            durations[a]!.record(duration)
        }
    }

    /// Counts a line too long to read (it names no agent that can be trusted).
    mutating func addUnreadableLine() {
        line += 1
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
            let examples = actionExamples[index]
            byAgent[a].actions[actionNames.name(action)] = AgentTally.Action(
                total: counts.total, blocked: counts.blocked, maxAmount: counts.maxAmount, maxBlockedAmount: counts.maxBlockedAmount,
                firstExecuted: examples.firstExecuted.present, firstBlocked: examples.firstBlocked.present, largest: examples.largest)
        }
        for index in 0..<agentTools.count {
            let (a, tool) = agentTools.pair(index)
            let name = toolNames.name(tool)
            byAgent[a].tools[name] = tools[index]
            byAgent[a].firstToolUse[name] = toolFirstUse[index].present
        }
        for index in 0..<agentPolicies.count {
            let (a, policy) = agentPolicies.pair(index)
            let name = policyNames.name(policy)
            byAgent[a].policies[name] = policies[index]
            byAgent[a].firstCritical[name] = policyFirstCritical[index].present
        }
        for (id, agent) in byAgent.enumerated() {
            tally.agents[agentNames.name(id)] = agent
        }
        return tally
    }
}
