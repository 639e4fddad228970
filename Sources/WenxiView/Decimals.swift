import Foundation

/// Exact decimal arithmetic for money values, which reports write as a JSON integer or a
/// decimal string (never a float).
enum Decimals {
    static let posix = Locale(identifier: "en_US_POSIX")

    /// The value of `"45000000"`, `45000000` or `"0.66"`; nil for anything else.
    static func parse(_ v: JSON?) -> Decimal? {
        guard let s = v?.scalarText, !s.isEmpty,
              s.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        else { return nil }
        return Decimal(string: s, locale: posix)
    }

    /// `45000000` → `45,000,000`.
    static func text(_ d: Decimal) -> String {
        var v = d
        return groupedDigits(NSDecimalString(&v, posix))
    }

    /// `12,345.6 TWD`-style totals, one per currency, currencies in name order.
    static func totals(_ t: [String: Decimal]) -> String {
        t.keys.sorted().map { "\(text(t[$0]!)) \($0)" }.joined(separator: " + ")
    }
}
