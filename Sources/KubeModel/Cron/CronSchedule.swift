/// A CronJob schedule as `github.com/robfig/cron/v3` `ParseStandard` reads it, the parser the API server
/// calls in `validateScheduleFormat`: the one parser kubec has, for lint (robfig's own error words, which the
/// API server passes through: `expected exactly 5 fields, found 8: [* * /1 * * * * *]`) and for the plan's
/// next run times.
///
/// Five fields (minute hour day-of-month month day-of-week), each a comma list of `*`, `?`, `a`, `a-b`, with
/// an optional `/step` (`a/step` runs from a to the maximum); month and weekday names in any case; the
/// descriptors `@yearly` … `@hourly` and `@every <duration>`; a leading `TZ=`/`CRON_TZ=` zone.
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
    /// The zone of a `TZ=`/`CRON_TZ=` prefix (robfig accepts it; the API server refuses it in CronJobs).
    package var zonePrefix: String?

    private struct Bounds {
        var min: Int
        var max: Int
        var names: [String: Int] = [:]
    }

    private static let minuteBounds = Bounds(min: 0, max: 59)
    private static let hourBounds = Bounds(min: 0, max: 23)
    private static let dayBounds = Bounds(min: 1, max: 31)
    private static let monthBounds = Bounds(
        min: 1, max: 12,
        names: [
            "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
            "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
        ])
    private static let weekdayBounds = Bounds(
        min: 0, max: 6, names: ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6])

    /// robfig's `parseDescriptor`: exact, case-sensitive names.
    private static let descriptors: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    /// Nil when the schedule parses; robfig's error text otherwise.
    package static func validate(_ spec: String) -> String? {
        if case .failure(let error) = parse(spec) { return error.description }
        return nil
    }

    /// Parses a schedule; the error text is robfig's.
    package static func parse(_ text: String) -> Result<CronSchedule, CronError> {
        if text.isEmpty { return .failure(CronError("empty spec string")) }
        var spec = text
        var zone: String?
        if spec.hasPrefix("TZ=") || spec.hasPrefix("CRON_TZ=") {
            let equals = spec.firstIndex(of: "=") ?? spec.startIndex
            let space = spec.firstIndex(of: " ") ?? spec.endIndex
            let name = String(spec[spec.index(after: equals)..<space])
            if let error = TimeZoneCatalog.loadError(name) {
                return .failure(CronError("provided bad location \(name): \(error)"))
            }
            zone = name
            spec = String(spec[space...]).trimmed
        }
        var result: Result<CronSchedule, CronError>
        if spec.hasPrefix("@every ") {
            let duration = String(spec.dropFirst("@every ".count))
            if let error = GoDuration.parseError(duration) {
                return .failure(CronError("failed to parse duration \(spec): \(error)"))
            }
            var schedule = CronSchedule()
            schedule.every = max(GoDuration.seconds(duration) ?? 1, 1)
            result = .success(schedule)
        } else if spec.hasPrefix("@") {
            guard let expanded = descriptors[spec] else {
                return .failure(CronError("unrecognized descriptor: \(spec)"))
            }
            result = fields(expanded)
        } else {
            result = fields(spec)
        }
        return result.map { schedule in
            var schedule = schedule
            schedule.zonePrefix = zone
            return schedule
        }
    }

    private static func fields(_ spec: String) -> Result<CronSchedule, CronError> {
        let fields = spec.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .map(String.init)
        guard fields.count == 5 else {
            return .failure(
                CronError("expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]"))
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

    /// robfig's `getRange`.
    private static func range(_ text: String, _ bounds: Bounds) throws -> (UInt64, Bool) {
        let rangeAndStep = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
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
            if lowAndHigh.count == 1 { end = bounds.max }
            if step > 1 { star = false }
        default: throw CronError("too many slashes: \(text)")
        }
        if start < bounds.min { throw CronError("beginning of range (\(start)) below minimum (\(bounds.min)): \(text)") }
        if end > bounds.max { throw CronError("end of range (\(end)) above maximum (\(bounds.max)): \(text)") }
        if start > end { throw CronError("beginning of range (\(start)) beyond end of range (\(end)): \(text)") }
        if step == 0 { throw CronError("step of range should be a positive number: \(text)") }
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

    /// robfig's `mustParseInt` over Go's `strconv.Atoi`.
    private static func integer(_ text: String) throws -> Int {
        let quoted = GoQuote.quote(text)
        var digits = Substring(text)
        var negative = false
        if digits.first == "+" || digits.first == "-" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw CronError("failed to parse int from \(text): strconv.Atoi: parsing \(quoted): invalid syntax")
        }
        guard let magnitude = Int(digits) else {
            throw CronError("failed to parse int from \(text): strconv.Atoi: parsing \(quoted): value out of range")
        }
        if negative, magnitude != 0 { throw CronError("negative number (-\(magnitude)) not allowed: \(text)") }
        return magnitude
    }
}

/// Why a schedule does not parse, in robfig's words.
package struct CronError: Error, Sendable, Hashable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

extension String {
    fileprivate var trimmed: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
