// What the harnesses share: the hand-over to libFuzzer's driver, and the agent-file
// step of the YAML and JSON targets.
@testable import DossierSupport
@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
@testable import DossierScore
@testable import DossierCompare
@testable import DossierRender
@testable import DossierSite
@testable import DossierCore

/// libFuzzer's `LLVMFuzzerTestOneInput`.
public typealias FuzzInput = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzInput
) -> CInt

/// SwiftPM links an executable with `main` defined as `<module>_main` (so that tests can
/// link it); each harness's `<module>_main` hands its arguments to libFuzzer's driver here.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ input: FuzzInput) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, input)
}

/// An agent file through the loader's own step (byte-order mark, encoding check, parse),
/// then the strict reader.
public func readAgentFile(_ data: UnsafePointer<UInt8>, _ size: Int, json: Bool) {
    let reader = RecordReader(file: json ? "agents/a.json" : "agents/a.yaml", format: json ? .json : .yaml, log: DiagnosticLog())
    guard case let .some(.some(document)) = RepositoryLoader.parse(Array(UnsafeBufferPointer(start: data, count: size)),
                                                                   reader: reader) else { return }
    _ = AgentReader(reader: reader, id: "a").read(document)
}
