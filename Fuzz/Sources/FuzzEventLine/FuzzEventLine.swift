// One raw audit-log line through the JSONL event scanner. The input is copied into a
// buffer of exactly its size so that AddressSanitizer sees any read past the line's end,
// and every span the scanner hands back is read in full.
@testable import DossierSupport
@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
@testable import DossierScore
@testable import DossierCompare
@testable import DossierRender
@testable import DossierSite
@testable import DossierCore
import FuzzSupport

@inline(never)
func touch(_ span: ByteSpan?) -> Int {
    guard let span else { return 0 }
    precondition(span.count >= 0, "negative span length")
    var sum = 0
    for byte in span.buffer { sum &+= Int(byte) }
    return sum &+ span.string.utf8.count
}

func check(_ scanner: borrowing EventScanner) -> Int {
    let event = scanner.event
    var sum = touch(event.agent) &+ touch(event.action) &+ touch(event.tool) &+ touch(event.amount)
    precondition(event.violationCount >= 0)
    for index in 0..<event.violationCount { sum &+= touch(scanner.violation(index).policy) }
    return sum
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(size, 1))
    defer { buffer.deallocate() }
    buffer.initialize(from: data, count: size)
    let start = UnsafePointer(buffer)
    var scanner = EventScanner()
    var sum = 0
    if scanner.scan(start, start + size) != .blank { sum &+= check(scanner) }
    // A shorter line through the same scanner (scratch space reused, as in a real log).
    if scanner.scan(start, start + size / 2) != .blank { sum &+= check(scanner) }
    return sum == Int.min ? 1 : 0
}

@_cdecl("FuzzEventLine_main")
public func entryPoint(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
