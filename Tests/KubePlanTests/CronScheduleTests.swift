import KubePlan
import Testing

@Suite struct CronScheduleTests {
    /// 2025-01-01T00:00:00Z, a Wednesday.
    static let reference = PlanOptions.defaultReferenceTime

    static func runs(_ schedule: String, zone: String? = nil, count: Int = 3) -> [String] {
        switch CronPlanner.nextRuns(schedule, timeZone: zone, after: reference, count: count) {
        case .success(let runs): runs.map(PlanFormatting.timestamp)
        case .failure(let error): ["error: \(error)"]
        }
    }

    @Test func stepsInTheMinuteField() {
        #expect(Self.runs("*/15 * * * *") == ["2025-01-01T00:15:00Z", "2025-01-01T00:30:00Z", "2025-01-01T00:45:00Z"])
    }

    @Test func macrosExpand() {
        #expect(Self.runs("@hourly") == ["2025-01-01T01:00:00Z", "2025-01-01T02:00:00Z", "2025-01-01T03:00:00Z"])
        #expect(Self.runs("@daily", count: 1) == ["2025-01-02T00:00:00Z"])
        #expect(Self.runs("@monthly", count: 1) == ["2025-02-01T00:00:00Z"])
    }

    @Test func weekdayNamesAndRanges() {
        // Wednesday 1 Jan 2025 → Thu 2, Fri 3, then Mon 6.
        #expect(Self.runs("30 9 * * MON-FRI") == ["2025-01-01T09:30:00Z", "2025-01-02T09:30:00Z", "2025-01-03T09:30:00Z"])
        #expect(Self.runs("0 0 * * sat,sun", count: 2) == ["2025-01-04T00:00:00Z", "2025-01-05T00:00:00Z"])
    }

    @Test func restrictedDayOfMonthAndWeekAreORed() {
        // The 15th, or any Monday.
        #expect(Self.runs("0 0 15 * 1") == ["2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z", "2025-01-15T00:00:00Z"])
    }

    @Test func monthNamesAndLeapDays() {
        #expect(Self.runs("0 12 29 feb *", count: 1) == ["2028-02-29T12:00:00Z"])
    }

    @Test func timeZoneShiftsTheRunsToUTC() {
        // 09:00 in New York is 14:00 UTC in winter (EST, UTC-5).
        #expect(Self.runs("0 9 * * *", zone: "America/New_York", count: 1) == ["2025-01-01T14:00:00Z"])
    }

    @Test func everyUsesAConstantDelay() {
        #expect(Self.runs("@every 1h30m", count: 2) == ["2025-01-01T01:30:00Z", "2025-01-01T03:00:00Z"])
    }

    @Test func wrongFieldCountIsRejectedWithRobfigsMessage() {
        #expect(Self.runs("* * /1 * * * * *") == ["error: expected exactly 5 fields, found 8: [* * /1 * * * * *]"])
    }

    @Test func emptyRangeStartIsRejected() {
        #expect(Self.runs("* * /1 * *") == [
            "error: failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax",
        ])
    }

    @Test func outOfRangeValuesAreRejected() {
        #expect(Self.runs("61 * * * *") == ["error: end of range (61) above maximum (59): 61"])
    }

    @Test func unknownTimeZoneIsRejected() {
        #expect(Self.runs("* * * * *", zone: "Mars/Olympus") == ["error: unknown time zone Mars/Olympus"])
    }
}
