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
}
