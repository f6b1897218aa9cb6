@testable import DossierSupport
import Testing

/// Counts and numbers in human text: one way to write them, the same in every locale.
struct CountedTests {
    @Test(arguments: [(0, "0 malformed lines"), (1, "1 malformed line"), (4, "4 malformed lines"),
                      (1250, "1,250 malformed lines")])
    func phrases(count: Int, text: String) {
        #expect(Counted.phrase(count, "malformed line") == text)
    }

    @Test func irregularPluralAndVerb() {
        #expect(Counted.phrase(1, "summary", plural: "summaries") == "1 summary")
        #expect(Counted.phrase(2, "summary", plural: "summaries") == "2 summaries")
        #expect(Counted.phrase(1, "line that is not an event", plural: "lines that are not events")
                == "1 line that is not an event")
        #expect(Counted.phrase(3, "line that is not an event", plural: "lines that are not events")
                == "3 lines that are not events")
        #expect(Counted.phrase(1, "policy violation") == "1 policy violation")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (1234567, "1,234,567"), (-45000, "-45,000"),
                      (Int.max, "9,223,372,036,854,775,807")])
    func grouped(value: Int, text: String) {
        #expect(Counted.grouped(value) == text)
    }

    /// Whole values show no `.0`; fractions keep their digits; the minimum pads.
    @Test(arguments: [("30001.0", 0, "30,001"), ("30001", 0, "30,001"), ("420.5", 0, "420.5"), ("0.125", 0, "0.125"),
                      ("2100.000", 0, "2,100"), ("-1250.5", 2, "-1,250.50"), ("25000.0", 2, "25,000.00"),
                      ("0", 2, "0.00"), ("-0.0", 0, "0"), ("007", 0, "7"), ("1e3", 2, "1e3"), ("inf", 0, "inf"),
                      ("", 0, ""), (".5", 0, "0.5")])
    func decimals(text: String, digits: Int, shown: String) {
        #expect(Counted.decimal(text, minimumFractionDigits: digits) == shown)
    }

    @Test func doubles() {
        #expect(Counted.decimal(30001.0.description) == "30,001")
        #expect(Counted.decimal(12.25.description) == "12.25")
    }
}
