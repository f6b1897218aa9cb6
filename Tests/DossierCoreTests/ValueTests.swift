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

struct ExactDecimalTests {
    @Test(arguments: ["0", "1", "0.05", "1e3", "-2.5", ".5", "5.", "+7", "1E-2", "123456789012345678901234567890"])
    func parses(_ text: String) {
        #expect(ExactDecimal(text) != nil)
    }

    @Test(arguments: ["", "abc", "1.2.3", "--1", "1e", ".", "0x10", ".inf", ".nan", "1_000", "1e9999999"])
    func rejects(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test func comparesExactly() throws {
        #expect(ExactDecimal("0.1")! == ExactDecimal("0.10")!)
        #expect(ExactDecimal("1e2")! == ExactDecimal("100")!)
        #expect(ExactDecimal("1250.0")! > ExactDecimal("1000")!)
        #expect(ExactDecimal("-1")! < ExactDecimal("0")!)
        #expect(ExactDecimal("-2")! < ExactDecimal("-1")!)
        #expect(!(ExactDecimal("1000.0")! > ExactDecimal("1000")!))
        #expect(ExactDecimal("0.30000000000000001")! > ExactDecimal("0.3")!)
    }

    /// 29/100 at a threshold of 0.29 is not above it (0.29 as a binary float is 0.28999…).
    @Test func ratioEqualToThresholdIsNotAbove() {
        let threshold = ExactDecimal("0.29")!
        #expect(!threshold.isExceeded(byRatioOf: 29, to: 100))
        #expect(threshold.isExceeded(byRatioOf: 30, to: 100))
        #expect(!ExactDecimal("0.05")!.isExceeded(byRatioOf: 5, to: 100))
        #expect(ExactDecimal("0.05")!.isExceeded(byRatioOf: 6, to: 100))
        #expect(!ExactDecimal("0.01")!.isExceeded(byRatioOf: 1, to: 0), "a zero denominator gives no finding")
        #expect(ExactDecimal("0")!.isExceeded(byRatioOf: 1, to: Int.max))
    }

    @Test func multiplication() {
        #expect(ExactDecimal("0.05")!.multiplied(by: 100) == ExactDecimal("5")!)
        #expect(ExactDecimal("1.5")!.multiplied(by: 0) == ExactDecimal.zero)
        #expect(ExactDecimal("0.333")!.multiplied(by: 3) == ExactDecimal("0.999")!)
    }
}

struct CalendarDateTests {
    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-01-01", "2026-1-01", "2026/01/01", "2026-01-01T00:00:00Z", ""])
    func rejectsInvalid(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func acceptsLeapDay() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
    }

    @Test func daysBetween() {
        let a = CalendarDate("2025-11-24")!
        let b = CalendarDate("2026-11-24")!
        #expect(a.days(until: b) == 365)
        #expect(b.days(until: a) == -365)
        #expect(CalendarDate("2024-02-28")!.days(until: CalendarDate("2024-03-01")!) == 2)
    }

    @Test func fromEpochSecondsIsUTC() {
        // 1782862200 = 2026-06-30T23:30:00Z: still the 30th in UTC whatever TZ says.
        #expect(CalendarDate(secondsSinceEpoch: 1_782_862_200).description == "2026-06-30")
        #expect(CalendarDate(secondsSinceEpoch: 0).description == "1970-01-01")
        #expect(CalendarDate(secondsSinceEpoch: -1).description == "1969-12-31")
    }

    @Test func roundTrip() {
        for days in stride(from: -719_162, to: 2_932_896, by: 997) {
            let date = CalendarDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            #expect(CalendarDate(date.description) == date)
        }
    }

    @Test func evaluationDateOrder() throws {
        let configured = CalendarDate("2026-01-02")!
        #expect(try EvaluationDate.resolve(configured: configured, environment: ["SOURCE_DATE_EPOCH": "0"], now: 0) == configured)
        #expect(try EvaluationDate.resolve(configured: nil, environment: ["SOURCE_DATE_EPOCH": "1782862200"], now: 0).description == "2026-06-30")
        #expect(try EvaluationDate.resolve(configured: nil, environment: [:], now: 86_400).description == "1970-01-02")
        #expect(throws: EvaluationDate.InvalidEpoch.self) {
            try EvaluationDate.resolve(configured: nil, environment: ["SOURCE_DATE_EPOCH": "yesterday"], now: 0)
        }
    }
}

struct TextRuleTests {
    @Test(arguments: ["", " ", "\t\n", "\u{00A0}", "\u{3000}", "\u{2003} \u{00A0}"])
    func blank(_ text: String) {
        #expect(TextRules.isBlank(text))
    }

    @Test(arguments: ["a", " x ", "\u{00A0}.", "0"])
    func notBlank(_ text: String) {
        #expect(!TextRules.isBlank(text))
    }

    @Test(arguments: [("a", true), ("0day", true), ("a.b_c-d", true), ("A", false), ("-a", false), (".a", false),
                      ("", false), (String(repeating: "a", count: 64), true), (String(repeating: "a", count: 65), false),
                      ("a b", false), ("é", false)])
    func agentIDs(_ id: String, _ valid: Bool) {
        #expect(AgentID.isValid(id) == valid)
    }

    @Test func suggestions() {
        let keys = AgentReader.complianceKeys
        #expect(KeySuggestion.closest(to: "log_retention_day", in: keys) == "log_retention_days")
        #expect(KeySuggestion.closest(to: "bias_testing_complete", in: keys) == "bias_testing_completed")
        #expect(KeySuggestion.closest(to: "Audit_Logs_Enabled", in: keys) == "audit_logs_enabled")
        #expect(KeySuggestion.closest(to: "completely_unrelated", in: keys) == nil)
    }

    @Test func byteOrderIgnoresLocale() {
        let ids = ["b", "a_b", "ab", "a0", "a.b", "a-b", "a", "9lives", "0day"]
        #expect(ids.sorted(by: ByteOrder.less) == ["0day", "9lives", "a", "a-b", "a.b", "a0", "a_b", "ab", "b"])
    }
}
