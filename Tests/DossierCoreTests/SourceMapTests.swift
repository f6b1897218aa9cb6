@testable import DossierSupport
@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
@testable import DossierScore
@testable import DossierCompare
@testable import DossierRender
@testable import DossierSite
@testable import DossierCore
import Testing

/// Key path → `file:line:col` of one record file, and the nearest-parent lookup gaps are located by.
struct SourceMapTests {
    static func map() -> SourceMap {
        var map = SourceMap(file: "agents/a.yaml")
        // Set in file order, not key order.
        map["risk"] = SourceLocation(file: "agents/a.yaml", line: 3, column: 1)
        map["risk.level"] = SourceLocation(file: "agents/a.yaml", line: 4, column: 3)
        map["name"] = SourceLocation(file: "agents/a.yaml", line: 1, column: 1)
        map["checklist.rate_limiting"] = SourceLocation(file: "agents/a.yaml", line: 9, column: 3)
        map["checklist.rate_limiting.done"] = SourceLocation(file: "agents/a.yaml", line: 9, column: 21)
        map["compliance"] = SourceLocation(file: "agents/a.yaml", line: 6, column: 1)
        return map
    }

    @Test func exactKeyPaths() {
        let map = Self.map()
        #expect(map["name"] == SourceLocation(file: "agents/a.yaml", line: 1, column: 1))
        #expect(map["risk.level"] == SourceLocation(file: "agents/a.yaml", line: 4, column: 3))
        #expect(map["checklist.rate_limiting.done"] == SourceLocation(file: "agents/a.yaml", line: 9, column: 21))
        #expect(map["owner"] == nil)
        #expect(map["risk.lev"] == nil, "a prefix of a key path is not the key path")
        #expect(map[""] == nil)
    }

    @Test func nearestPresentParent() {
        let map = Self.map()
        #expect(map.location(of: "compliance.bias_testing_completed") == SourceLocation(file: "agents/a.yaml", line: 6, column: 1))
        #expect(map.location(of: "checklist.rate_limiting.evidence") == SourceLocation(file: "agents/a.yaml", line: 9, column: 3))
        #expect(map.location(of: "risk.level") == SourceLocation(file: "agents/a.yaml", line: 4, column: 3))
        #expect(map.location(of: "risk.level.deeper.still") == SourceLocation(file: "agents/a.yaml", line: 4, column: 3))
    }

    @Test func fileOnlyWhenNothingOnThePathIsPresent() {
        let map = Self.map()
        #expect(map.location(of: nil) == SourceLocation(file: "agents/a.yaml"))
        #expect(map.location(of: "owner") == SourceLocation(file: "agents/a.yaml"))
        #expect(map.location(of: "checklist") == SourceLocation(file: "agents/a.yaml"))
        #expect(map.location(of: "owner.x.y") == SourceLocation(file: "agents/a.yaml"))
        #expect(map.location(of: "") == SourceLocation(file: "agents/a.yaml"))
        #expect(SourceMap(file: "f.json").location(of: "a.b") == SourceLocation(file: "f.json"))
    }

    @Test func replacingAndRemoving() {
        var map = Self.map()
        map["risk"] = SourceLocation(file: "agents/a.yaml", line: 30, column: 2)
        #expect(map["risk"] == SourceLocation(file: "agents/a.yaml", line: 30, column: 2))
        map["risk.level"] = nil
        #expect(map["risk.level"] == nil)
        #expect(map.location(of: "risk.level") == SourceLocation(file: "agents/a.yaml", line: 30, column: 2))
        map["absent"] = nil
        #expect(map["absent"] == nil)
        map["line.only"] = SourceLocation(file: "agents/a.yaml", line: 5)
        #expect(map["line.only"] == SourceLocation(file: "agents/a.yaml", line: 5))
    }

    @Test func keysInAnyByteOrder() {
        var map = SourceMap(file: "f")
        let keys = ["b", "a.c", "a", "é", "a.b", "Z", "a-b", "a.b.c", "ab"]
        for (index, key) in keys.enumerated() { map[key] = SourceLocation(file: "f", line: index + 1, column: 1) }
        for (index, key) in keys.enumerated() { #expect(map[key]?.line == index + 1, "\(key)") }
        #expect(map.location(of: "a.b.d").line == 5)
        #expect(map.location(of: "é.x").line == 4)
    }
}
