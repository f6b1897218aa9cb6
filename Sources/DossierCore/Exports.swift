import DossierAudit
import DossierLoad
import DossierSite
import DossierSupport

// The values of the pipeline's API (Report, Severity, Diagnostic, DossierError…) come with it.
@_exported import DossierModel

/// A verification of a site, or of its inputs, against its manifest (`Pipeline.verify`).
public typealias Verification = DossierSite.Verification
/// How far reading raw audit logs has got, for a progress display.
public typealias ReadProgress = DossierAudit.ReadProgress
/// Told when raw audit logs start and finish being read.
public typealias LogProgressObserver = DossierAudit.LogProgressObserver

extension Pipeline {
    /// `dossier 1.0.0`'s number.
    public static var version: String { DossierVersion.number }

    /// The JSON Schema of agent files, generated from the field table the loader reads them by.
    public static func agentSchema() -> String { AgentSchema.render() }
}
