import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("ROC date conversion")
struct RocDateTests {
    /// ROC year, Gregorian year: one table for both directions.
    @Test(arguments: [(1, 1912), (38, 1949), (89, 2000), (100, 2011), (112, 2023), (113, 2024)])
    func years(_ roc: Int, _ gregorian: Int) {
        #expect(CivilDate.gregorianYear(roc: roc) == gregorian)
        #expect(CivilDate.rocYear(gregorian: gregorian) == roc)
    }

    /// CNA's seven-digit date codes (yyyMMdd, ROC year).
    @Test(arguments: [
        ("1120919", "2023-09-19"),
        ("0890101", "2000-01-01"),
        ("1090229", "2020-02-29"),  // leap day
        ("1120229", nil),           // 2023 is no leap year
        ("1121301", nil),           // month 13
        ("1120900", nil),           // day 0
        ("112091", nil),            // six digits
        ("11209190", nil),          // eight digits
    ] as [(String, String?)])
    func dateCodes(_ code: String, _ expected: String?) {
        let digits = code.unicodeScalars.map { Int($0.value) - 0x30 }
        #expect(CivilDate.rocDateCode(digits)?.iso == expected, "\(code)")
    }

    /// The amount stage's ROC years go through the same conversion.
    @Test(arguments: [
        ("民國112年9月19日", "2023-09-19"),
        ("112年9月", "2023-09"),
        ("八十四年十一月十九日", "1995-11-19"),
    ])
    func rocYearsInText(_ text: String, _ iso: String) {
        #expect(AmountTagger.tag(text: text).entities.first { $0.type == .date }?.date == iso, "\(text)")
    }
}
