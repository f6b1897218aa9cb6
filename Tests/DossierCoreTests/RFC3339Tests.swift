@testable import DossierAudit
import Foundation
import Testing

/// RFC 3339 timestamps of raw audit events (INPUT.md): the seconds since the epoch, against Foundation's calendar.
struct RFC3339Tests {
    static func seconds(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { RFC3339.seconds($0) }
    }

    /// The UTC second of a date and time, from Foundation's Gregorian calendar.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Double {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
        return date.timeIntervalSince1970.rounded(.down)
    }

    @Test(arguments: [
        ("2026-11-02T10:00:00Z", utc(2026, 11, 2, 10)),
        ("2026-11-02T10:00:00.123Z", utc(2026, 11, 2, 10)),
        ("2026-11-02 12:00:00+02:00", utc(2026, 11, 2, 10)),
        ("2026-11-02t10:00:00z", utc(2026, 11, 2, 10)),
        ("2024-02-29T23:59:59.999999999Z", utc(2024, 2, 29, 23, 59, 59)),
        ("2026-01-01T00:00:00+14:00", utc(2025, 12, 31, 10)),
        ("2026-01-01T00:00:00-12:00", utc(2026, 1, 1, 12)),
        ("2000-02-29T00:00:00Z", utc(2000, 2, 29)),
        ("1969-12-31T23:59:59.5Z", -1),
        ("0001-01-01T00:00:00Z", -62_135_596_800),
    ])
    func validDateTimes(text: String, expected: Double) {
        #expect(Self.seconds(text) == expected, "\(text)")
    }

    @Test(arguments: [
        "2026-05-01T23:59:60Z",        // a leap second
        "2023-02-29T00:00:00Z",        // not a leap year
        "1900-02-29T00:00:00Z",        // a century that is not a leap year
        "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z", "2026-05-00T00:00:00Z",
        "2026-05-01T24:00:00Z", "2026-05-01T23:60:00Z",
        "2026-05-01T00:00:00",         // no offset
        "2026-05-01T00:00:00.Z",       // a dot without digits
        "2026-05-01T00:00:00+24:00", "2026-05-01T00:00:00+02:60", "2026-05-01T00:00:00+0200",
        "2026-05-01_00:00:00Z", "2026-5-01T00:00:00Z", "26-05-01T00:00:00Z",
        "2026-05-01T00:00:00Z ", " 2026-05-01T00:00:00Z", "2026-05-01T00:00:00ZZ", "",
        "２０２６-05-01T00:00:00Z",      // full-width digits
    ])
    func malformedDateTimes(text: String) {
        #expect(Self.seconds(text) == nil, "\(text)")
    }
}
