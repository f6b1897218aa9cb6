import DossierSupport
import DossierModel

/// Decides the as-of date: `as_of` in dossier.yaml, else `SOURCE_DATE_EPOCH`'s
/// UTC date, else today's UTC date. The clock is passed in.
package enum EvaluationDate {
    package struct InvalidEpoch: Error, Sendable, CustomStringConvertible {
        package let value: String
        package var description: String {
            "SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970-01-01T00:00:00Z, found '\(value)'"
        }
    }

    /// - Parameters:
    ///   - configured: `as_of` from dossier.yaml.
    ///   - environment: the process environment (`SOURCE_DATE_EPOCH`).
    ///   - now: seconds since the epoch, now.
    package static func resolve(configured: CalendarDate?, environment: [String: String], now: Int64) throws(InvalidEpoch) -> CalendarDate {
        if let configured { return configured }
        // An empty value (a CI variable left blank) is the same as an unset one.
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            // Years 1 to 9999 only: anything else is not a date a report can carry.
            guard let seconds = Int64(epoch), (-62_135_596_800...253_402_300_799).contains(seconds) else {
                throw InvalidEpoch(value: epoch)
            }
            return CalendarDate(secondsSinceEpoch: seconds)
        }
        return CalendarDate(secondsSinceEpoch: now)
    }
}
