/// An exact signed decimal number, Wenxi's one decimal type: the values of amounts, their sums in
/// summaries and in the corpus summary. `digits` (most significant first) × 10^-`scale`, always in
/// one canonical form (no leading zeros, no trailing fractional zeros, no negative zero), so equal
/// values are equal and hash alike.
///
/// Amounts only need addition, multiplication by a power of ten (萬, 億, 兆, %, 成) and comparison,
/// so that is all it does. There is no size limit (一千一百一十一萬…億… and sums of 兆 amounts do
/// not overflow) and no binary floating point anywhere. In JSON it is an integer when whole and
/// within Int64, otherwise its decimal string (`"0.66"`, `"-3.5"`).
public struct ExactNumber: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    private(set) var negative = false
    /// Integer significand, most significant digit first, no leading zeros; empty means 0.
    private(set) var digits: [UInt8] = []
    /// Number of fractional digits (>= 0), no trailing fractional zeros.
    private(set) var scale = 0

    package static let zero = ExactNumber()

    package init() {}

    /// The whole number `value`.
    public init(_ value: Int64) {
        self.init(Int(value))
    }

    package init(_ value: Int) {
        if value >= 0 && value < 10 { self = ExactNumber.digitValues[value]; return }
        self.init(magnitude: value.magnitude, scale: 0, negative: value < 0)
    }

    /// `significand` × 10^-`scale` (scale >= 0).
    package init(significand: Int, scale: Int) {
        self.init(magnitude: significand.magnitude, scale: scale, negative: significand < 0)
    }

    /// `magnitude` × 10^-`scale`, in canonical form, its digits written into one array of the
    /// right size (the sums and comparisons of small numbers go through here).
    private init(magnitude: UInt, scale: Int, negative: Bool) {
        var m = magnitude, sc = scale
        while sc > 0 && m % 10 == 0 { m /= 10; sc -= 1 }
        if m == 0 { return }
        var count = 0
        var v = m
        while v > 0 { count += 1; v /= 10 }
        digits = [UInt8](unsafeUninitializedCapacity: count) { buf, initialized in
            var v = m
            for i in stride(from: count - 1, through: 0, by: -1) { buf[i] = UInt8(v % 10); v /= 10 }
            initialized = count
        }
        self.scale = sc
        self.negative = negative
    }

    /// The significand aligned to `s` fractional places (s >= scale), signed, when it has at
    /// most 18 digits (so that a sum of two cannot overflow); nil otherwise.
    @inline(__always)
    private func small(alignedTo s: Int) -> Int? {
        let pad = s - scale
        guard digits.count + pad <= 18 else { return nil }
        var v = 0
        for d in digits { v = v &* 10 &+ Int(d) }
        for _ in 0..<pad { v = v &* 10 }
        return negative ? -v : v
    }

    /// From integer digits and fractional digits (each 0...9).
    package init(integer: [UInt8], fraction: [UInt8] = [], negative: Bool = false) {
        if integer.count + fraction.count <= 18 {
            var m: UInt = 0
            for d in integer { m = m * 10 + UInt(d) }
            for d in fraction { m = m * 10 + UInt(d) }
            self.init(magnitude: m, scale: fraction.count, negative: negative)
            return
        }
        self.init()
        digits = integer + fraction
        scale = fraction.count
        self.negative = negative
        normalize()
    }

    /// A plain decimal string (`-`? digits, `.`, digits; at least one digit); nil for anything
    /// else (no exponent, no grouping).
    public init?(decimal raw: String) {
        var s = Substring(raw)
        var negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              !parts[0].isEmpty || (parts.count == 2 && !parts[1].isEmpty),
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }) else { return nil }
        self.init(integer: parts[0].utf8.map { $0 - 48 }, fraction: parts.count == 2 ? parts[1].utf8.map { $0 - 48 } : [],
                  negative: negative)
    }

    /// 0…9, made once: the number parser makes one per Chinese digit it reads.
    private static let digitValues: [ExactNumber] = (0..<10).map { ExactNumber(integer: [UInt8($0)]) }

    /// Canonical form: optional `-`, no leading zeros, no trailing fractional zeros, no `.` when whole.
    public var decimal: String { description }

    package var isZero: Bool { digits.isEmpty }

    /// True when there is no fractional part.
    public var isWhole: Bool { scale == 0 }

    /// The value as an Int64 when whole and in range.
    public var int64: Int64? { int.map(Int64.init) }

    private mutating func normalize() {
        var lead = 0
        while lead < digits.count && digits[lead] == 0 { lead += 1 }
        if lead > 0 { digits.removeFirst(lead) }
        while scale > 0, let last = digits.last, last == 0 { digits.removeLast(); scale -= 1 }
        // 0.05 is digits [5], scale 2; zero is no digits, scale 0, never negative.
        if digits.isEmpty { scale = 0; negative = false }
    }

    /// self × 10^k (k may be negative).
    package func shifted(_ k: Int) -> ExactNumber {
        var r = self
        if r.isZero { return r }
        if k >= 0 {
            let drop = min(k, r.scale)
            r.scale -= drop
            r.digits.append(contentsOf: repeatElement(0, count: k - drop))
        } else {
            r.scale += -k
        }
        r.normalize()
        return r
    }

    package func negated() -> ExactNumber {
        var r = self
        if !r.isZero { r.negative.toggle() }
        return r
    }

    /// Digits aligned to `scale` fractional places, least significant first.
    private func aligned(to s: Int) -> [UInt8] {
        let n = s - scale
        return n > 0 ? Array(repeatElement(0, count: n)) + digits.reversed() : digits.reversed()
    }

    package static func + (a: ExactNumber, b: ExactNumber) -> ExactNumber {
        if a.isZero { return b }
        if b.isZero { return a }
        let s = max(a.scale, b.scale)
        // Both fit 18 digits at the common scale: add machine integers (no digit arrays).
        if let x = a.small(alignedTo: s), let y = b.small(alignedTo: s) {
            let sum = x + y
            return ExactNumber(magnitude: sum.magnitude, scale: s, negative: sum < 0)
        }
        let x = a.aligned(to: s), y = b.aligned(to: s)
        var out: [UInt8] = []
        var negative = a.negative
        if a.negative == b.negative {
            var carry: UInt8 = 0
            for i in 0..<max(x.count, y.count) {
                let d = (i < x.count ? x[i] : 0) + (i < y.count ? y[i] : 0) + carry
                out.append(d % 10)
                carry = d / 10
            }
            if carry > 0 { out.append(carry) }
        } else {
            // Subtract the smaller magnitude from the larger.
            var (big, small) = (x, y)
            if compareMagnitude(x, y) < 0 { (big, small) = (y, x); negative = b.negative }
            var borrow: Int = 0
            for i in 0..<big.count {
                var d = Int(big[i]) - (i < small.count ? Int(small[i]) : 0) - borrow
                borrow = d < 0 ? 1 : 0
                if d < 0 { d += 10 }
                out.append(UInt8(d))
            }
        }
        var r = ExactNumber()
        r.digits = out.reversed()
        r.scale = s
        r.negative = negative
        r.normalize()
        return r
    }

    /// Compares little-endian digit arrays of the same scale.
    private static func compareMagnitude(_ x: [UInt8], _ y: [UInt8]) -> Int {
        var n = max(x.count, y.count)
        while n > 0 {
            n -= 1
            let a = n < x.count ? x[n] : 0, b = n < y.count ? y[n] : 0
            if a != b { return a < b ? -1 : 1 }
        }
        return 0
    }

    /// Numeric order (1.50 and 1.5 are equal; scale does not count).
    public static func < (a: ExactNumber, b: ExactNumber) -> Bool {
        if a.negative != b.negative { return a.negative }
        let s = max(a.scale, b.scale)
        if let x = a.small(alignedTo: s), let y = b.small(alignedTo: s) { return x < y }
        let c = compareMagnitude(a.aligned(to: s), b.aligned(to: s))
        return a.negative ? c > 0 : c < 0
    }

    /// The plain decimal text, no exponent, no grouping: `-1234.5`, `0.05`, `0`.
    public var description: String {
        if isZero { return "0" }
        var chars: [UInt8] = digits.map { $0 + 48 }
        if scale > 0 {
            if chars.count <= scale {
                chars.insert(contentsOf: repeatElement(48, count: scale - chars.count + 1), at: 0)
            }
            chars.insert(46, at: chars.count - scale)
        }
        if negative { chars.insert(45, at: 0) }
        return String(decoding: chars, as: UTF8.self)
    }

    /// The value as an Int when whole and in range: what `Int(description)` gives, without
    /// building the string.
    package var int: Int? {
        guard scale == 0 else { return nil }
        guard digits.count <= 18 else { return Int(description) }
        var v = 0
        for d in digits { v = v * 10 + Int(d) }
        return negative ? -v : v
    }

    /// Reads a JSON integer, or a decimal string when the value has a fraction or exceeds Int64.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int64.self) {
            self.init(i)
        } else {
            let s = try c.decode(String.self)
            guard let v = ExactNumber(decimal: s) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a decimal: \(s)")
            }
            self = v
        }
    }

    /// Writes a JSON integer when the value is whole and fits Int64, else a decimal string.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let i = int64 { try c.encode(i) } else { try c.encode(decimal) }
    }
}

extension ExactNumber: CustomReflectable {
    /// Shown as its decimal string (its digit array is a detail: zero has none).
    public var customMirror: Mirror { Mirror(self, children: ["decimal": decimal], displayStyle: .struct) }
}
