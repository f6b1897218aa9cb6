// Agent files in JSON: the loader's parse step, then the strict reader.
@testable import DossierCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reader = RecordReader(file: "agents/a.json", format: .json, log: DiagnosticLog())
    // The loader's own step: BOM, encoding check, parse.
    guard case let .some(.some(document)) = RepositoryLoader.parse(Array(UnsafeBufferPointer(start: data, count: size)),
                                                                   reader: reader) else { return 0 }
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

@_cdecl("FuzzAgentJSON_main")
public func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzz)
}
