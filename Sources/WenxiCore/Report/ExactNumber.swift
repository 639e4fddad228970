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
    // The significand is held in `small` when it has at most 18 digits (nearly every amount),
    // else in `big`; one form per value, so the synthesized `==` and `hash` compare values.
    // (A digit array for every number made the amounts stage allocate for each number it read.)
    private(set) var negative = false
    /// The significand when it has at most 18 digits (`big` is then empty); 0 for zero.
    private var small: UInt64 = 0
    /// The significand's digits, most significant first, when it has more than 18 (`small` is
    /// then 0); empty otherwise.
    private var big: [UInt8] = []
    /// Number of fractional digits (>= 0), no trailing fractional zeros.
    private(set) var scale = 0

    package static let zero = ExactNumber()

    /// 10^0 … 10^18.
    private static let powers: [UInt64] = (0...18).map { k in (0..<k).reduce(UInt64(1)) { p, _ in p * 10 } }
    /// The largest significand `small` holds: 18 nines.
    private static let smallLimit: UInt64 = 999_999_999_999_999_999

    package init() {}

    /// The whole number `value`.
    public init(_ value: Int64) {
        self.init(Int(value))
    }

    package init(_ value: Int) {
        self.init(magnitude: value.magnitude, scale: 0, negative: value < 0)
    }

    /// `significand` × 10^-`scale` (scale >= 0).
    package init(significand: Int, scale: Int) {
        self.init(magnitude: significand.magnitude, scale: scale, negative: significand < 0)
    }

    /// `magnitude` × 10^-`scale`, in canonical form (the sums and comparisons of small numbers
    /// go through here).
    private init(magnitude: UInt, scale: Int, negative: Bool) {
        var m = UInt64(magnitude), sc = scale
        while sc > 0 && m % 10 == 0 { m /= 10; sc -= 1 }
        if m == 0 { return }
        self.scale = sc
        self.negative = negative
        if m <= ExactNumber.smallLimit {
            small = m
        } else {
            big = ExactNumber.digits(of: m)
        }
    }

    /// The decimal digits of `m` (> 0), most significant first.
    private static func digits(of m: UInt64) -> [UInt8] {
        var count = 0
        var v = m
        while v > 0 { count += 1; v /= 10 }
        return [UInt8](unsafeUninitializedCapacity: count) { buf, initialized in
            var v = m
            for i in stride(from: count - 1, through: 0, by: -1) { buf[i] = UInt8(v % 10); v /= 10 }
            initialized = count
        }
    }

    /// Number of digits of `small` (0 for zero).
    @inline(__always)
    private var smallDigitCount: Int {
        var n = 0
        while n < 19 && small >= ExactNumber.powers[min(n, 18)] { n += 1 }
        return n
    }

    /// The significand's digits, most significant first (empty for zero).
    private var digits: [UInt8] {
        if !big.isEmpty { return big }
        return small == 0 ? [] : ExactNumber.digits(of: small)
    }

    /// The significand aligned to `s` fractional places (s >= scale), signed, when it has at
    /// most 18 digits (so that a sum of two cannot overflow); nil otherwise.
    @inline(__always)
    private func small(alignedTo s: Int) -> Int? {
        guard big.isEmpty else { return nil }
        let pad = s - scale
        if pad == 0 { return negative ? -Int(small) : Int(small) }
        guard smallDigitCount + pad <= 18 else { return nil }
        let v = Int(small &* ExactNumber.powers[pad])
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
        self.init(digits: integer + fraction, scale: fraction.count, negative: negative)
    }

    /// From a digit array of any length (leading and trailing fractional zeros allowed),
    /// brought to the canonical form.
    private init(digits: [UInt8], scale: Int, negative: Bool) {
        var digits = digits, scale = scale
        var lead = 0
        while lead < digits.count && digits[lead] == 0 { lead += 1 }
        if lead > 0 { digits.removeFirst(lead) }
        while scale > 0, let last = digits.last, last == 0 { digits.removeLast(); scale -= 1 }
        // 0.05 is digits [5], scale 2; zero is no digits, scale 0, never negative.
        if digits.isEmpty { return }
        self.scale = scale
        self.negative = negative
        if digits.count <= 18 {
            var m: UInt64 = 0
            for d in digits { m = m * 10 + UInt64(d) }
            small = m
        } else {
            big = digits
        }
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

    /// Canonical form: optional `-`, no leading zeros, no trailing fractional zeros, no `.` when whole.
    public var decimal: String { description }

    package var isZero: Bool { small == 0 && big.isEmpty }

    /// True when there is no fractional part.
    public var isWhole: Bool { scale == 0 }

    /// The value as an Int64 when whole and in range.
    public var int64: Int64? { int.map(Int64.init) }

    /// self × 10^k (k may be negative).
    package func shifted(_ k: Int) -> ExactNumber {
        if isZero || k == 0 { return self }
        var r = self
        if k >= 0 {
            let drop = min(k, r.scale)
            r.scale -= drop
            let zeros = k - drop
            if zeros == 0 { return r }
            if r.big.isEmpty && r.smallDigitCount + zeros <= 18 {
                r.small *= ExactNumber.powers[zeros]
                return r
            }
            return ExactNumber(digits: r.digits + repeatElement(0, count: zeros), scale: r.scale, negative: r.negative)
        }
        r.scale += -k
        if r.big.isEmpty {
            while r.scale > 0 && r.small % 10 == 0 { r.small /= 10; r.scale -= 1 }
            return r
        }
        return ExactNumber(digits: r.big, scale: r.scale, negative: r.negative)
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
        return ExactNumber(digits: out.reversed(), scale: s, negative: negative)
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
        guard big.isEmpty else { return Int(description) }
        return negative ? -Int(small) : Int(small)
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
