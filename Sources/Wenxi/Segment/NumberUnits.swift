/// Joins a number and the unit that follows it into one token, as the Academia Sinica
/// segmentation standard (and the SIGHAN AS data) does: `2023年`, `１０月份`, `19日`, `75%`,
/// `300萬`, and Chinese numerals with their unit, `八十四年`, `十一月`, `十九日`; and an ordinal,
/// 第 with its number, `第１０`, `第八十四`.
///
/// Units are calendar and clock units, age, per cent and the large magnitudes (萬 億 兆); a
/// number joins at most one unit, and never across white space. Counters for things (元, 人,
/// 個 …) stay apart: they are words of their own in the standard. The joined token keeps the kind
/// of its first part (`number` for digits, `word` for Chinese numerals).
enum NumberUnits {
    /// A token not yet handed on, and whether a unit may still join it.
    struct Held {
        var start = -1
        var end = 0
        var kind = Token.Kind.other
        /// Digits, or Chinese numerals only: a unit (or, for numerals, more numerals) may follow.
        var open = false
        /// Chinese numerals rather than digits.
        var numerals = false
        /// 第 alone, waiting for its number; an ordinal takes no unit.
        var ordinal = false

        init() {}

        /// Asked of every token the walk holds, so kept small enough to inline into the walk: a
        /// token other than a number opens only when it starts with a numeral or 第, which
        /// `opens` then weighs.
        @inline(__always)
        init(_ u: UnsafeBufferPointer<UInt16>, _ a: Int, _ b: Int, _ kind: Token.Kind) {
            start = a
            end = b
            self.kind = kind
            if kind == .number {
                open = true
            } else if u[a] == 0x7B2C || NumberUnits.isNumeral(u[a]) {
                opens(u, a, b)
            }
        }

        @inline(never)
        private mutating func opens(_ u: UnsafeBufferPointer<UInt16>, _ a: Int, _ b: Int) {
            if kind == .word && NumberUnits.allNumerals(u, a, b) {
                open = true
                numerals = true
            } else if u[a] == 0x7B2C && (b - a == 1 || NumberUnits.allNumerals(u, a + 1, b)) {  // 第, 第八
                open = true
                ordinal = true
                numerals = b - a > 1
            }
        }
    }

    /// Chinese numeral characters.
    @inline(__always)
    static func isNumeral(_ c: UInt16) -> Bool {
        // The numerals' low six bits fill 19 of 64: one bit test turns most other characters away
        // before the search through the list below (asked of every word token's first character).
        guard numeralLowBits & (1 &<< UInt64(c & 63)) != 0 else { return false }
        switch c {
        case 0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
             0x767E, 0x5343, 0x842C, 0x4E07, 0x5104, 0x4EBF, 0x5169, 0x4E24, 0x5EFF, 0x5345:
            // 〇零一二三四五六七八九十 百千萬万億亿兩两廿卅
            return true
        default:
            return false
        }
    }

    /// Bit `c & 63` is set for every numeral `c` of `isNumeral`.
    static let numeralLowBits: UInt64 = 0xC040_3A10_2810_12BB

    /// Single-character units: 年月日時时分秒號号歲岁週周 % ％ 萬万億亿兆.
    static func isUnit(_ c: UInt16) -> Bool {
        switch c {
        case 0x5E74, 0x6708, 0x65E5, 0x6642, 0x65F6, 0x5206, 0x79D2, 0x865F, 0x53F7, 0x6B72, 0x5C81, 0x9031,
             0x5468, 0x25, 0xFF05, 0x842C, 0x4E07, 0x5104, 0x4EBF, 0x5146:
            return true
        default:
            return false
        }
    }

    /// Two-character units: 世紀 世纪 年代 月份.
    static let unitWords: [(UInt16, UInt16)] = [(0x4E16, 0x7D00), (0x4E16, 0x7EAA), (0x5E74, 0x4EE3), (0x6708, 0x4EFD)]

    @inline(__always)
    static func allNumerals(_ u: UnsafeBufferPointer<UInt16>, _ a: Int, _ b: Int) -> Bool {
        for i in a..<b where !isNumeral(u[i]) { return false }
        return true
    }

    static func isUnitWord(_ u: UnsafeBufferPointer<UInt16>, _ a: Int, _ b: Int) -> Bool {
        if b - a == 1 { return isUnit(u[a]) }
        if b - a == 2 { return unitWords.contains { $0.0 == u[a] && $0.1 == u[a + 1] } }
        return false
    }

    enum Join { case no, joined, joinedPrefix(rest: Int) }

    /// Joins the token `a..<b` (or its first unit) to `held` when it continues it.
    @inline(__always)
    static func join(_ held: inout Held, _ u: UnsafeBufferPointer<UInt16>, _ a: Int, _ b: Int, _ kind: Token.Kind) -> Join {
        guard held.open, held.start >= 0, held.end == a else { return .no }
        if held.ordinal {
            // 第 + a number: 第１０, 第八十四. More numerals may follow; units may not.
            let bare = held.end - held.start == 1
            if bare && kind == .number {
                held.end = b
                held.open = false
                return .joined
            }
            if (bare || held.numerals) && kind == .word && allNumerals(u, a, b) {
                held.end = b
                held.numerals = true
                return .joined
            }
            return .no
        }
        if isUnitWord(u, a, b) {
            held.end = b
            held.open = false
            return .joined
        }
        // ICU's dictionary fuses a day with what follows (19 + 日電, 5 + 日起): after a number,
        // 日 is the day.
        if b - a == 2 && u[a] == 0x65E5 && !held.numerals {
            held.end = a + 1
            held.open = false
            return .joinedPrefix(rest: a + 1)
        }
        guard held.numerals, kind == .word else { return .no }
        if allNumerals(u, a, b) {
            held.end = b
            return .joined
        }
        // More numerals ending in a unit: 八十 + 四年.
        if b - a >= 2 && isUnit(u[b - 1]) && allNumerals(u, a, b - 1) {
            held.end = b
            held.open = false
            return .joined
        }
        return .no
    }
}
