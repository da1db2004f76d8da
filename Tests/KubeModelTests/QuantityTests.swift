import KubeModel
import Testing

@Suite struct QuantityParsingTests {
    /// Input text and the canonical text the API server would store.
    static let canonical: [(String, String)] = [
        ("0.5", "500m"), ("500m", "500m"), ("1", "1"), ("1000", "1k"), ("1e3", "1e3"), ("1E3", "1e3"),
        ("1E-3", "1e-3"), ("1k", "1k"), ("1Gi", "1Gi"), ("1.5Gi", "1536Mi"), ("100Mi", "100Mi"), ("2Ei", "2Ei"),
        ("128974848", "128974848"), ("129e6", "129e6"), ("123Mi", "123Mi"), ("0", "0"), ("0.1", "100m"),
        ("1n", "1n"), ("1u", "1u"), ("0.0000000001", "1n"), ("-1", "-1"), ("+1", "1"), ("1024", "1024"),
        ("1Ki", "1Ki"), ("0.5Ki", "512"), ("1.5", "1500m"), (".5", "500m"), ("5.", "5"), ("1M", "1M"),
        ("12e1", "120"), ("1E", "1E"), ("2048Ki", "2Mi"), ("1536Mi", "1536Mi"), ("0.25Gi", "256Mi"),
        ("8Ei", "9223372036854775807"), ("-500m", "-500m"), ("1.5Ei", "1536Pi"), ("10Gi", "10Gi"),
        ("3000Mi", "3000Mi"), ("0.001", "1m"), ("1000000000000000000000", "1e21"),
    ]

    @Test(arguments: canonical)
    func parsesAndFormatsCanonically(_ input: String, _ expected: String) throws {
        let quantity = try Quantity.parse(input).get()
        #expect(quantity.description == expected)
    }

    static let invalid: [(String, QuantityError)] = [
        ("1.2.3", .format), ("5mi", .suffix), ("", .format), ("abc", .format), ("1K", .suffix), ("1 Gi", .format),
        ("e3", .format), ("1e", .suffix), ("1Gib", .format), (".", .format), ("--1", .format), ("1Mi5", .suffix),
        ("1234567890123456789", .overflow),
    ]

    @Test(arguments: invalid)
    func rejectsMalformedText(_ input: String, _ error: QuantityError) {
        #expect(Quantity.parse(input) == .failure(error))
    }

    @Test func errorMessagesUseTheAPIServerWording() {
        #expect(QuantityError.format.message.contains("quantities must match the regular expression"))
        #expect(QuantityError.suffix.message == "unable to parse quantity's suffix")
    }
}

@Suite struct QuantityComparisonTests {
    private func q(_ text: String) -> Quantity { Quantity(text) ?? .zero }

    @Test func halfEqualsFiveHundredMilli() { #expect(q("0.5") == q("500m")) }
    @Test func gibibyteIsMoreThanGigabyte() { #expect(q("1Gi") > q("1G")) }
    @Test func exponentEqualsSuffix() { #expect(q("1e3") == q("1k")) }
    @Test func thousandMilliIsOne() { #expect(q("1000m") == q("1")) }
    @Test func mebibyteIsLessThanPointOneOneMegabyte() { #expect(q("1Mi") < q("1.1M")) }
    @Test func negativeIsLessThanZero() { #expect(q("-1") < .zero) }
    @Test func exaIsLessThanExbi() { #expect(q("1E") < q("1Ei")) }
    @Test func farApartScalesCompareWithoutOverflow() {
        #expect(q("1n") < q("8E"))
        #expect(q("999999999999999999") < q("1E"))
        #expect(q("-8E") < q("-1n"))
    }
    @Test func equalValuesHashAlike() {
        let set: Set<Quantity> = [q("0.5"), q("500m"), q("5e-1")]
        #expect(set.count == 1)
    }
    @Test func formatIsNotPartOfEquality() { #expect(q("1Ki") == q("1024")) }
}

@Suite struct QuantityArithmeticTests {
    private func q(_ text: String) -> Quantity { Quantity(text) ?? .zero }

    @Test func addsAcrossScales() { #expect((q("500m") + q("1.5")).description == "2") }
    @Test func subtractsBinary() { #expect((q("1Gi") - q("512Mi")).description == "512Mi") }
    @Test func multipliesByInteger() { #expect((q("100m") * 3).description == "300m") }
    @Test func sumKeepsLeftFormat() { #expect((q("1Gi") + q("1G")).description == "2073741824") }
    @Test func additionReportsOverflow() {
        let result = Quantity(Int64.max).addingReportingOverflow(Quantity(1))
        #expect(result.overflow)
    }
    @Test func additionOfFarScalesReportsOverflow() {
        #expect(q("8E").addingReportingOverflow(q("1n")).overflow)
    }
    @Test func multiplicationReportsOverflow() {
        #expect(Quantity(Int64.max).multipliedReportingOverflow(by: 2).overflow)
        #expect(!q("8E").multipliedReportingOverflow(by: 2).overflow)
    }
    @Test func milliValueRoundsUp() {
        #expect(q("1n").milliValue == 1)
        #expect(q("0.5").milliValue == 500)
        #expect(q("2").milliValue == 2000)
    }
    @Test func valueRoundsUpAwayFromZero() {
        #expect(q("1.5").value == 2)
        #expect(q("-1.5").value == -2)
        #expect(q("100Mi").value == 104_857_600)
    }
    @Test func hugeMilliValueSaturates() { #expect(q("9E").milliValue == Int64.max) }
    @Test func builtFromMilli() { #expect(Quantity(milli: 1500).description == "1500m") }
}
