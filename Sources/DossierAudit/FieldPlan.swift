import DossierSupport
import DossierModel

/// The read paths of an `AuditFields` as a tree the scanner walks: each object member is looked up
/// among its node's children; a leaf is a key the summaries read, an inner node an object to enter.
final class FieldPlan: Sendable {
    struct Node: Sendable {
        var children: [(key: [UInt8], node: Int)] = []
        /// The key read here, for a leaf.
        var field: EventKey?
        /// The keys read below an inner node: absent again each time it is entered (the last occurrence wins).
        var below: [EventKey] = []
    }

    let nodes: [Node]

    init(_ fields: AuditFields) {
        var nodes = [Node()]
        for (key, path) in fields.readPaths {
            let field = Self.eventKey(key)
            var index = 0
            for (depth, token) in path.enumerated() {
                let bytes = Array(token.utf8)
                if depth < path.count - 1 { nodes[index].below.append(field) }
                if let child = nodes[index].children.first(where: { $0.key == bytes }) {
                    index = child.node
                } else {
                    nodes.append(Node())
                    nodes[index].children.append((bytes, nodes.count - 1))
                    index = nodes.count - 1
                }
            }
            nodes[index].field = field
        }
        self.nodes = nodes
    }

    /// The child of `node` for `key`, if the plan has one.
    @inline(__always)
    func child(of node: Int, _ key: ByteSpan) -> Int? {
        for child in nodes[node].children {
            // An empty token matches only the empty key (and an empty buffer has no address to compare).
            if child.key.isEmpty ? key.count == 0 : child.key.withUnsafeBufferPointer({ key.equals($0) }) { return child.node }
        }
        return nil
    }

    static func eventKey(_ key: String) -> EventKey {
        switch key {
        case "event_id": .eventID
        case "agent_name": .agentName
        case "timestamp": .timestamp
        case "action": .action
        case "allowed": .allowed
        case "tool_name": .toolName
        case "policy_checks": .policyChecks
        case "duration_ms": .durationMs
        case "input_tokens": .inputTokens
        case "output_tokens": .outputTokens
        case "amount": .amount
        case "approval_status": .approvalStatus
        default: .other
        }
    }
}
