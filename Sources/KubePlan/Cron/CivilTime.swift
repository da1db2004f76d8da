/// A wall-clock time (proleptic Gregorian), for cron arithmetic without Foundation calendars.
struct CivilTime: Hashable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// From seconds since 1970-01-01 00:00 on the same wall clock.
    init(wallSeconds: Int64) {
        let days = CronPlanner.floorDiv(wallSeconds, 86_400)
        let rest = wallSeconds - days * 86_400
        (year, month, day) = Self.civil(fromDays: days)
        hour = Int(rest / 3600)
        minute = Int(rest % 3600 / 60)
    }

    var wallSeconds: Int64 {
        Self.days(year, month, day) * 86_400 + Int64(hour * 3600 + minute * 60)
    }

    /// 0 = Sunday.
    var weekday: Int {
        let value = (Self.days(year, month, day) + 4) % 7
        return Int(value < 0 ? value + 7 : value)
    }

    mutating func advanceMonth() {
        month += 1
        if month > 12 {
            month = 1
            year += 1
        }
        day = 1
        hour = 0
        minute = 0
    }

    mutating func advanceDay() {
        day += 1
        hour = 0
        minute = 0
        if day > Self.daysInMonth(year, month) { advanceMonth() }
    }

    mutating func advanceHour() {
        hour += 1
        minute = 0
        if hour == 24 { advanceDay() }
    }

    mutating func advanceMinute() {
        minute += 1
        if minute == 60 { advanceHour() }
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Hinnant's days-from-civil).
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }
}
