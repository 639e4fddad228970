/// One byte of flags per BMP scalar, built once: the scanner tests each scalar of the text with a
/// single array load instead of hashing it into several sets.
enum ScalarFlags {
    static let numeral: UInt8 = 1          // digit, Chinese numeral or unit: may start a number
    static let relativeDate: UInt8 = 2     // first scalar of a relative date word (今, 昨, 明…)
    static let prefixCurrency: UInt8 = 4   // first scalar of a currency word written before a number
    static let opening: UInt8 = 8          // （ ( 民: dateline, credits, 民國
    static let simplifiedOnly: UInt8 = 16
    static let traditionalOnly: UInt8 = 32
    /// Inside a number but not a numeral: separators and points (, ， . ． 點 点) and the
    /// approximate markers (多 餘 余 幾 几). With `numeral`, every scalar `NumberParser` can read.
    static let numberInside: UInt8 = 64
    /// Second scalar of a relative date word (今天 → 天): 上, 下, 大, 本 are common alone.
    static let relativeDateSecond: UInt8 = 128

    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 0x10000)
        // The digits (ASCII and full-width) and the scalars `Numerals.kind` knows, listed rather
        // than found by asking each BMP scalar.
        for v in 0x30...0x39 { t[v] |= numeral }
        for v in 0xFF10...0xFF19 { t[v] |= numeral }
        for c in Numerals.chineseScalars { t[Int(c.value)] |= numeral }
        for (w, _, _) in AmountLexicon.relativeDates {
            let u = Array(w.unicodeScalars)
            t[Int(u[0].value)] |= relativeDate
            t[Int(u[1].value)] |= relativeDateSecond
        }
        for (w, _) in AmountLexicon.prefixCurrencies.entries where w[0].value < 0x10000 { t[Int(w[0].value)] |= prefixCurrency }
        for c in ["（", "(", "民"] as [Unicode.Scalar] { t[Int(c.value)] |= opening }
        for c in [",", "，", ".", "．", "點", "点", "多", "餘", "余", "幾", "几"] as [Unicode.Scalar] { t[Int(c.value)] |= numberInside }
        for c in ScriptGuess.simplifiedOnly { t[Int(c.value)] |= simplifiedOnly }
        for c in ScriptGuess.traditionalOnly { t[Int(c.value)] |= traditionalOnly }
        return t
    }()
}
