/// A CronJob schedule as `robfig/cron/v3`'s `ParseStandard` reads it (reference §4.6): exactly five fields
/// (minute hour day-of-month month day-of-week), each a comma list of `*`, `?`, `a`, `a-b`, with an optional
/// `/step` (`a/step` means `a-max/step`); month (JAN–DEC) and weekday (SUN–SAT) names; the descriptors
/// `@yearly @annually @monthly @weekly @daily @midnight @hourly` and `@every <duration>`.
package struct CronSchedule: Sendable, Hashable {
    /// Bit sets of the allowed values of each field.
    package var minutes: UInt64 = 0
    package var hours: UInt64 = 0
    package var daysOfMonth: UInt64 = 0
    package var months: UInt64 = 0
    package var daysOfWeek: UInt64 = 0
    /// robfig's star bit: the field was `*`/`?` without a step > 1. Day-of-month and day-of-week are ANDed
    /// when either is starred, ORed otherwise.
    package var daysOfMonthStarred = false
    package var daysOfWeekStarred = false
    /// `@every`: a constant delay in seconds.
    package var every: Int64?

    private struct Bounds {
        var min: Int
        var max: Int
        var names: [String: Int] = [:]
    }

    private static let minuteBounds = Bounds(min: 0, max: 59)
    private static let hourBounds = Bounds(min: 0, max: 23)
    private static let dayBounds = Bounds(min: 1, max: 31)
    private static let monthBounds = Bounds(min: 1, max: 12, names: [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ])
    private static let weekdayBounds = Bounds(min: 0, max: 6, names: [
        "sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
    ])

    private static let descriptors: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    /// Parses a schedule; the error text follows robfig's messages.
    package static func parse(_ text: String) -> Result<CronSchedule, CronError> {
        let trimmed = text.trimmingWhitespace
        if trimmed.isEmpty { return .failure(CronError("empty spec string")) }
        if trimmed.hasPrefix("TZ=") || trimmed.hasPrefix("CRON_TZ=") {
            return .failure(CronError("cannot use TZ or CRON_TZ in schedule, use timeZone field instead"))
        }
        if trimmed.hasPrefix("@every ") {
            let duration = String(trimmed.dropFirst("@every ".count)).trimmingWhitespace
            guard let seconds = GoDuration.seconds(duration), seconds > 0 else {
                return .failure(CronError("failed to parse duration @every \(duration)"))
            }
            var schedule = CronSchedule()
            schedule.every = seconds
            return .success(schedule)
        }
        if trimmed.hasPrefix("@") {
            guard let expanded = descriptors[trimmed.lowercased()] else {
                return .failure(CronError("unrecognized descriptor: \(trimmed)"))
            }
            return parse(expanded)
        }
        let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            return .failure(CronError("expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]"))
        }
        var schedule = CronSchedule()
        do {
            var star = false
            schedule.minutes = try field(fields[0], minuteBounds, &star)
            schedule.hours = try field(fields[1], hourBounds, &star)
            schedule.daysOfMonth = try field(fields[2], dayBounds, &schedule.daysOfMonthStarred)
            schedule.months = try field(fields[3], monthBounds, &star)
            schedule.daysOfWeek = try field(fields[4], weekdayBounds, &schedule.daysOfWeekStarred)
        } catch let error as CronError {
            return .failure(error)
        } catch {
            return .failure(CronError("\(error)"))
        }
        return .success(schedule)
    }

    private static func field(_ text: String, _ bounds: Bounds, _ starred: inout Bool) throws -> UInt64 {
        var bits: UInt64 = 0
        starred = false
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let (partBits, partStar) = try range(String(part), bounds)
            bits |= partBits
            if partStar { starred = true }
        }
        return bits
    }

    private static func range(_ text: String, _ bounds: Bounds) throws -> (UInt64, Bool) {
        let rangeAndStep = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let singleDigit = lowAndHigh.count == 1
        var start: Int
        var end: Int
        var star = false
        if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
            start = bounds.min
            end = bounds.max
            star = true
        } else {
            start = try value(lowAndHigh[0], bounds)
            switch lowAndHigh.count {
            case 1: end = start
            case 2: end = try value(lowAndHigh[1], bounds)
            default: throw CronError("too many hyphens: \(text)")
            }
        }
        var step = 1
        switch rangeAndStep.count {
        case 1: break
        case 2:
            step = try integer(rangeAndStep[1])
            if singleDigit { end = bounds.max }
            if step > 1 { star = false }
        default: throw CronError("too many slashes: \(text)")
        }
        if start < bounds.min { throw CronError("beginning of range (\(start)) below minimum (\(bounds.min)): \(text)") }
        if end > bounds.max { throw CronError("end of range (\(end)) above maximum (\(bounds.max)): \(text)") }
        if start > end { throw CronError("beginning of range (\(start)) beyond end of range (\(end)): \(text)") }
        if step <= 0 { throw CronError("step of range should be a positive number: \(text)") }
        var bits: UInt64 = 0
        var current = start
        while current <= end {
            bits |= 1 << UInt64(current)
            current += step
        }
        return (bits, star)
    }

    private static func value(_ text: String, _ bounds: Bounds) throws -> Int {
        if let named = bounds.names[text.lowercased()] { return named }
        return try integer(text)
    }

    private static func integer(_ text: String) throws -> Int {
        guard let number = Int(text), !text.hasPrefix("+") else {
            throw CronError("failed to parse int from \(text): strconv.Atoi: parsing \(text.debugDescription): invalid syntax")
        }
        return number
    }
}

/// Why a schedule does not parse.
package struct CronError: Error, Sendable, Hashable, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var result = Substring(self)
        while let first = result.first, first == " " || first == "\t" || first == "\n" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\n" { result = result.dropLast() }
        return String(result)
    }
}

/// Go's `time.ParseDuration`, the units `@every` accepts: `1h30m`, `90s`, `1.5h`.
enum GoDuration {
    static func seconds(_ text: String) -> Int64? {
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var rest = Substring(text)
        var total = 0.0
        if rest.isEmpty { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) })
            else { return nil }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        return Int64(total)
    }
}
