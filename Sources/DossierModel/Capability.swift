import DossierSupport

/// The four capability flags of a risk profile, in the order of the scoring reference.
public enum Capability: String, CaseIterable, Sendable, Comparable {
    case sendExternalMessages = "can_send_external_messages"
    case makeFinancialTransactions = "can_make_financial_transactions"
    case executeCode = "can_execute_code"
    case writeData = "can_write_data"

    public static func < (a: Capability, b: Capability) -> Bool {
        ByteOrder.less(a.rawValue, b.rawValue)
    }

    /// Which audited actions exercise the capability unless `dossier.yaml` says otherwise.
    public var defaultActions: [String] {
        switch self {
        case .sendExternalMessages: ["send_external_message", "send_email", "send_contract"]
        case .makeFinancialTransactions: ["execute_transaction", "refund", "transfer_funds"]
        case .executeCode: ["execute_code", "run_code"]
        case .writeData: ["write_data", "update_record", "delete_record"]
        }
    }
}
