// Agent files in YAML: the loader's path (BOM strip, text check, libyaml parse, strict reader).
@testable import DossierCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if TextCheck.firstProblem(in: bytes) != nil { return 0 }
    guard case let .success(document) = DocumentParser.parse(bytes) else { return 0 }
    let reader = RecordReader(file: "agents/a.yaml", format: .yaml, log: DiagnosticLog())
    _ = AgentReader(reader: reader, id: "a").read(document)
    return 0
}

// SwiftPM links an executable with `main` defined as `<module>_main` (so that tests can
// link it); hand that entry point to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzAgentYAML_main")
public func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}
