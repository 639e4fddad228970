import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("ExactNumber")
struct ExactNumberTests {
    @Test(arguments: [
        ("45000000", "45000000"),
        ("0045000000", "45000000"),
        ("0.660", "0.66"),
        ("3.0", "3"),
        (".5", "0.5"),
        ("-0", "0"),
        ("-2.50", "-2.5"),
    ])
    func canonical(_ raw: String, _ expected: String) {
        #expect(ExactNumber(decimal: raw)?.decimal == expected)
    }

    @Test(arguments: ["", "1.2.3", "1e5", "abc", "-", "."])
    func rejects(_ raw: String) {
        #expect(ExactNumber(decimal: raw) == nil)
    }

    @Test func encodesWholeAsIntegerAndFractionAsString() throws {
        let json = try ReportEncoder().encode([ExactNumber(45_000_000), ExactNumber(decimal: "0.66")!])
        #expect(String(decoding: json, as: UTF8.self) == #"[45000000,"0.66"]"#)
    }

    /// a + b (both written as decimals) and its sign-aware comparison.
    @Test(arguments: [
        ("1", "2", "3"),
        ("0.1", "0.2", "0.3"),
        ("999", "1", "1000"),
        ("1.05", "-1.05", "0"),
        ("-3.5", "1.25", "-2.25"),
        ("2", "-0.001", "1.999"),
        ("0.05", "0.95", "1"),
        ("9223372036854775807", "1", "9223372036854775808"),  // past Int64: stays exact
        ("-0.5", "-0.5", "-1"),
        // Around the 18-digit line between machine-integer and digit-array sums.
        ("999999999999999999", "1", "1000000000000000000"),
        ("-999999999999999999", "-999999999999999999", "-1999999999999999998"),
        ("0.000000000000000001", "1", "1.000000000000000001"),
        ("99999999999999999.9", "0.1", "100000000000000000"),
        ("1234567890123456789", "-1234567890123456789", "0"),
    ])
    func adds(_ a: String, _ b: String, _ sum: String) throws {
        let x = try #require(ExactNumber(decimal: a)), y = try #require(ExactNumber(decimal: b))
        #expect((x + y).decimal == sum, "\(a) + \(b)")
        #expect((y + x).decimal == sum, "\(b) + \(a)")
        #expect(x + y == ExactNumber(decimal: sum), "\(a) + \(b) equals the parsed sum")
    }

    /// value × 10^k: 萬 (4), 億 (8), % and 千分之 (negative).
    @Test(arguments: [
        ("4500", 4, "45000000"),
        ("1.5", 8, "150000000"),
        ("0.66", 2, "66"),
        ("12", -2, "0.12"),
        ("5", -3, "0.005"),
        ("-2.5", 1, "-25"),
        ("0", 8, "0"),
    ])
    func shifts(_ a: String, _ k: Int, _ expected: String) throws {
        #expect(try #require(ExactNumber(decimal: a)).shifted(k).decimal == expected, "\(a) × 10^\(k)")
    }

    /// Around 18 digits a value moves between its machine-integer and digit-array forms: made
    /// either way, it is the same value (equal, same text, same hash).
    @Test(arguments: [
        ("999999999999999999", 1, "9999999999999999990"),
        ("9999999999999999990", -1, "999999999999999999"),
        ("1000000000000000000", -1, "100000000000000000"),
        ("123456789012345678", 2, "12345678901234567800"),
        ("12345678901234567800", -3, "12345678901234567.8"),
        ("0.123456789012345678", 18, "123456789012345678"),
        ("1", 30, "1000000000000000000000000000000"),
        ("-1", 18, "-1000000000000000000"),
        ("-1000000000000000000", -18, "-1"),
    ])
    func crossesTheSmallForm(_ a: String, _ k: Int, _ expected: String) throws {
        let shifted = try #require(ExactNumber(decimal: a)).shifted(k)
        let parsed = try #require(ExactNumber(decimal: expected))
        #expect(shifted.decimal == expected, "\(a) × 10^\(k)")
        #expect(shifted == parsed && shifted.hashValue == parsed.hashValue, "\(a) × 10^\(k)")
        // A sum that crosses the line both ways.
        #expect((shifted + parsed.negated()).isZero)
        #expect(((shifted + shifted) + parsed.negated()) == parsed)
    }

    @Test func largeIntegersAndInts() throws {
        #expect(ExactNumber(Int.max).decimal == "9223372036854775807")
        #expect(ExactNumber(Int.min).decimal == "-9223372036854775808")
        #expect(ExactNumber(Int.max).int == Int.max)
        #expect(ExactNumber(Int.min).int == Int.min)
        #expect(ExactNumber(Int.max) == ExactNumber(decimal: "9223372036854775807"))
        #expect(ExactNumber(decimal: "99999999999999999999")?.int == nil)
        #expect(ExactNumber(significand: 1000000000000000000, scale: 19).decimal == "0.1")
        #expect(ExactNumber(significand: -25, scale: 1).int == nil)
        #expect(ExactNumber(significand: -250, scale: 1).int == -25)
    }

    @Test(arguments: [
        ("1", "2", true), ("2", "1", false), ("-2", "1", true), ("-1", "-2", false),
        ("0.05", "0.5", true), ("10", "9.99", false), ("3", "3.0", false),
        ("123456789012345678", "123456789012345679", true), ("-123456789012345679", "-123456789012345678", true),
        ("1234567890123456789", "123456789012345678.9", false), ("0.1", "0.000000000000000001", false),
    ])
    func orders(_ a: String, _ b: String, _ less: Bool) throws {
        #expect((try #require(ExactNumber(decimal: a)) < (try #require(ExactNumber(decimal: b)))) == less, "\(a) < \(b)")
    }

    /// Built from digits or an Int, the value is the same as parsed: one canonical form.
    @Test func oneCanonicalForm() {
        #expect(ExactNumber(integer: [0, 0], fraction: [0, 5]) == ExactNumber(decimal: "0.05"))
        #expect(ExactNumber(integer: [0, 4, 5], fraction: [0]) == ExactNumber(Int64(45)))
        #expect(ExactNumber(-7) == ExactNumber(decimal: "-7"))
        #expect(ExactNumber(significand: 500, scale: 2) == ExactNumber(5))
        #expect(ExactNumber(significand: -1250, scale: 3) == ExactNumber(decimal: "-1.25"))
        #expect(ExactNumber(significand: 0, scale: 3) == ExactNumber.zero)
        #expect(ExactNumber(Int.min).decimal == "-9223372036854775808")
        #expect(ExactNumber(decimal: "0.05")!.hashValue == ExactNumber(integer: [], fraction: [0, 5]).hashValue)
        #expect(ExactNumber(decimal: "1234567890123456789012")!.int64 == nil)
        #expect(ExactNumber(decimal: "-12")!.int64 == -12)
    }
}
