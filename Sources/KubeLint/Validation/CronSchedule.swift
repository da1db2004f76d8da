/// The cron dialect of CronJob schedules: `github.com/robfig/cron/v3` `ParseStandard`, which the API server
/// calls in `validateScheduleFormat`. Errors carry robfig's own words, which the API server passes through
/// (`expected exactly 5 fields, found 8: [* * /1 * * * * *]`).
///
/// Five fields (minute hour day-of-month month day-of-week), each a comma list of `*`, `?`, `a`, `a-b`, with
/// an optional `/step` (`a/step` runs from a to the maximum); month and weekday names in any case; the
/// descriptors `@yearly` … `@hourly` and `@every <duration>`; a leading `TZ=`/`CRON_TZ=` zone.
package enum CronSchedule {
    struct Bounds {
        var min: Int
        var max: Int
        var names: [String: Int]
    }

    static let minutes = Bounds(min: 0, max: 59, names: [:])
    static let hours = Bounds(min: 0, max: 23, names: [:])
    static let daysOfMonth = Bounds(min: 1, max: 31, names: [:])
    static let months = Bounds(min: 1, max: 12, names: [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ])
    static let daysOfWeek = Bounds(min: 0, max: 6, names: [
        "sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
    ])

    /// Nil when the schedule parses; robfig's error text otherwise.
    package static func validate(_ spec: String) -> String? {
        if spec.isEmpty { return "empty spec string" }
        var spec = spec
        if spec.hasPrefix("TZ=") || spec.hasPrefix("CRON_TZ=") {
            let equals = spec.firstIndex(of: "=") ?? spec.startIndex
            let space = spec.firstIndex(of: " ") ?? spec.endIndex
            let zone = String(spec[spec.index(after: equals)..<space])
            if let error = TimeZoneCatalog.loadError(zone) { return "provided bad location \(zone): \(error)" }
            spec = String(spec[space...]).trimmingCharacters(in: " \t")
        }
        if spec.hasPrefix("@") { return descriptor(spec) }
        let fields = spec.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        guard fields.count == 5 else {
            return "expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]"
        }
        for (field, bounds) in zip(fields, [minutes, hours, daysOfMonth, months, daysOfWeek]) {
            for expression in field.split(separator: ",").map(String.init) {
                if let error = range(expression, bounds) { return error }
            }
        }
        return nil
    }

    private static func descriptor(_ spec: String) -> String? {
        switch spec {
        case "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly": return nil
        default: break
        }
        let every = "@every "
        if spec.hasPrefix(every) {
            let duration = String(spec.dropFirst(every.count))
            if let error = GoDuration.parseError(duration) { return "failed to parse duration \(spec): \(error)" }
            return nil
        }
        return "unrecognized descriptor: \(spec)"
    }

    /// robfig's `getRange`.
    private static func range(_ expression: String, _ bounds: Bounds) -> String? {
        let rangeAndStep = expression.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        var start: Int
        var end: Int
        if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
            start = bounds.min
            end = bounds.max
        } else {
            switch parseIntOrName(lowAndHigh[0], bounds.names) {
            case .failure(let error): return error.text
            case .success(let value): start = value
            }
            switch lowAndHigh.count {
            case 1: end = start
            case 2:
                switch parseIntOrName(lowAndHigh[1], bounds.names) {
                case .failure(let error): return error.text
                case .success(let value): end = value
                }
            default: return "too many hyphens: \(expression)"
            }
        }
        var step = 1
        switch rangeAndStep.count {
        case 1: break
        case 2:
            switch parseInt(rangeAndStep[1]) {
            case .failure(let error): return error.text
            case .success(let value): step = value
            }
            if lowAndHigh.count == 1 { end = bounds.max }
        default: return "too many slashes: \(expression)"
        }
        if start < bounds.min { return "beginning of range (\(start)) below minimum (\(bounds.min)): \(expression)" }
        if end > bounds.max { return "end of range (\(end)) above maximum (\(bounds.max)): \(expression)" }
        if start > end { return "beginning of range (\(start)) beyond end of range (\(end)): \(expression)" }
        if step == 0 { return "step of range should be a positive number: \(expression)" }
        return nil
    }

    struct ParseError: Error {
        var text: String
    }

    private static func parseIntOrName(_ text: String, _ names: [String: Int]) -> Result<Int, ParseError> {
        if let value = names[text.lowercased()] { return .success(value) }
        return parseInt(text)
    }

    /// robfig's `mustParseInt` over Go's `strconv.Atoi`.
    private static func parseInt(_ text: String) -> Result<Int, ParseError> {
        let quoted = FieldValue.quote(text)
        var digits = Substring(text)
        var negative = false
        if digits.first == "+" || digits.first == "-" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return .failure(ParseError(text: "failed to parse int from \(text): strconv.Atoi: parsing \(quoted): invalid syntax"))
        }
        guard let magnitude = Int(digits) else {
            return .failure(ParseError(text: "failed to parse int from \(text): strconv.Atoi: parsing \(quoted): value out of range"))
        }
        if negative, magnitude != 0 {
            return .failure(ParseError(text: "negative number (-\(magnitude)) not allowed: \(text)"))
        }
        return .success(magnitude)
    }
}

/// Go's `time.ParseDuration`, for `@every`: a sequence of decimal numbers with units ns, us, µs, ms, s, m, h.
enum GoDuration {
    static func parseError(_ text: String) -> String? {
        let quoted = FieldValue.quote(text)
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        if rest == "0" { return nil }
        if rest.isEmpty { return "time: invalid duration \(quoted)" }
        let units = ["ns", "us", "µs", "μs", "ms", "s", "m", "h"]
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            if number.isEmpty || number == "." { return "time: invalid duration \(quoted)" }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            if unit.isEmpty { return "time: missing unit in duration \(quoted)" }
            guard units.contains(String(unit)) else { return "time: unknown unit \(FieldValue.quote(String(unit))) in duration \(quoted)" }
            rest = rest.dropFirst(unit.count)
        }
        return nil
    }
}

extension String {
    /// The text without leading and trailing characters of a set.
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
