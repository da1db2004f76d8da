import KubeLint
import KubeModel
import Testing

/// The CronJob schedule parser against robfig/cron v3 `ParseStandard`, message for message.
struct CronScheduleTests {
    @Test(arguments: [
        "* * * * *", "*/5 * * * *", "0 3 * * *", "0 9-17/2 * * MON-FRI", "15,45 * 1 jan,jul sun", "5/15 * * * *",
        "0 0 ? * *", "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually", "@every 1h30m",
        "0 0 L * *".replacingOccurrences(of: "L", with: "31"), "59 23 31 12 6", "0 0 1-31/7 * *",
    ])
    func validSchedulesParse(_ schedule: String) {
        #expect(CronSchedule.validate(schedule) == nil, "\(schedule)")
    }

    @Test(arguments: [
        ("* * /1 * * * * *", "expected exactly 5 fields, found 8: [* * /1 * * * * *]"),
        ("* * /1 * *", "failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax"),
        ("0 0 * * * *", "expected exactly 5 fields, found 6: [0 0 * * * *]"),
        ("60 * * * *", "end of range (60) above maximum (59): 60"),
        ("0 0 0 * *", "beginning of range (0) below minimum (1): 0"),
        ("0 0 * * 7", "end of range (7) above maximum (6): 7"),
        ("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"),
        ("*/0 * * * *", "step of range should be a positive number: */0"),
        ("1-2-3 * * * *", "too many hyphens: 1-2-3"),
        ("*/2/3 * * * *", "too many slashes: */2/3"),
        ("0 0 * foo *", "failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax"),
        ("@fortnightly", "unrecognized descriptor: @fortnightly"),
        ("@every 5", "failed to parse duration @every 5: time: missing unit in duration \"5\""),
        ("", "empty spec string"),
    ])
    func invalidSchedulesGiveRobfigsMessage(_ schedule: String, _ message: String) {
        #expect(CronSchedule.validate(schedule) == message)
    }

    @Test func aTZPrefixParsesButTheRuleRejectsIt() {
        #expect(CronSchedule.validate("TZ=Etc/UTC 0 3 * * *") == nil)
        #expect(CronSchedule.validate("TZ=Mars/Olympus 0 3 * * *") == "provided bad location Mars/Olympus: unknown time zone Mars/Olympus")
    }
}
