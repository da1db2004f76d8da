import Foundation
import KubeModel

/// Next run times of a CronJob, as the CronJob controller computes them (`robfig/cron` `Schedule.Next` in
/// `spec.timeZone`, UTC when unset — kubec's stand-in for the controller manager's local zone), counted from
/// a fixed reference time so the plan is reproducible.
///
/// Times are searched on the local wall clock (month, day, hour, minute, with robfig's day-of-month /
/// day-of-week rule) and converted to UTC with the zone's offset at that moment. A wall-clock time that does
/// not exist (skipped by a DST change) is skipped; robfig moves it forward instead (documented deviation).
package enum CronPlanner {
    /// How many runs the plan lists.
    package static let runCount = 3
    /// robfig gives up after five years without a match (`Feb 30`).
    static let yearLimit = 5

    static func plan(_ cronJob: CronJob, namespace: String, name: String, after reference: Int64) -> CronJobPlan {
        var plan = CronJobPlan(
            namespace: namespace, name: name, schedule: cronJob.spec.schedule,
            timeZone: cronJob.spec.timeZone, suspended: cronJob.spec.suspend, nextRuns: [])
        switch nextRuns(cronJob.spec.schedule, timeZone: cronJob.spec.timeZone, after: reference, count: runCount) {
        case .success(let runs): plan.nextRuns = runs
        case .failure(let error): plan.problem = error.description
        }
        return plan
    }

    /// The next `count` run times (Unix seconds) strictly after `reference`.
    package static func nextRuns(
        _ schedule: String, timeZone: String?, after reference: Int64, count: Int
    )
        -> Result<[Int64], CronError>
    {
        let parsed: CronSchedule
        switch CronSchedule.parse(schedule) {
        case .success(let value): parsed = value
        case .failure(let error): return .failure(error)
        }
        // robfig accepts a zone prefix, but the API server refuses CronJobs that use one.
        if parsed.zonePrefix != nil {
            return .failure(CronError("cannot use TZ or CRON_TZ in schedule, use timeZone field instead"))
        }
        var zone = TimeZone(identifier: "UTC")
        if let timeZone {
            guard timeZone != "Local", let found = TimeZone(identifier: timeZone) else {
                return .failure(CronError("unknown time zone \(timeZone)"))
            }
            zone = found
        }
        if let every = parsed.every {
            return .success((1...max(count, 1)).map { reference + every * Int64($0) })
        }
        var runs: [Int64] = []
        var after = reference
        while runs.count < count, let next = next(parsed, zone, after: after) {
            runs.append(next)
            after = next
        }
        return .success(runs)
    }

    static func offset(_ zone: TimeZone?, _ instant: Int64) -> Int64 {
        Int64(zone?.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) ?? 0)
    }

    /// The first matching minute after `after`.
    static func next(_ schedule: CronSchedule, _ zone: TimeZone?, after: Int64) -> Int64? {
        let wallStart = after + offset(zone, after)
        var wall = CivilTime(wallSeconds: (floorDiv(wallStart, 60) + 1) * 60)
        let lastYear = wall.year + yearLimit
        func has(_ bits: UInt64, _ value: Int) -> Bool { bits & (1 << UInt64(value)) != 0 }
        while wall.year <= lastYear {
            if !has(schedule.months, wall.month) {
                wall.advanceMonth()
                continue
            }
            if wall.day > CivilTime.daysInMonth(wall.year, wall.month) {
                wall.advanceMonth()
                continue
            }
            let domMatch = has(schedule.daysOfMonth, wall.day)
            let dowMatch = has(schedule.daysOfWeek, wall.weekday)
            let dayMatches =
                schedule.daysOfMonthStarred || schedule.daysOfWeekStarred
                ? domMatch && dowMatch : domMatch || dowMatch
            if !dayMatches {
                wall.advanceDay()
                continue
            }
            if !has(schedule.hours, wall.hour) {
                wall.advanceHour()
                continue
            }
            if !has(schedule.minutes, wall.minute) {
                wall.advanceMinute()
                continue
            }
            let local = wall.wallSeconds
            var instant = local - offset(zone, local)
            instant = local - offset(zone, instant)
            if instant > after, instant + offset(zone, instant) == local { return instant }
            wall.advanceMinute()
        }
        return nil
    }

    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
