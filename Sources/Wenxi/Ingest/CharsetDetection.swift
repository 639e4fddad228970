internal import CICU

/// Reads Chinese text that is not UTF-8 (Big5, GB18030 — which covers GB2312 and GBK): ICU's
/// charset detector proposes candidates, ICU's converter checks each (it must convert every
/// byte), and the reading that looks most like Chinese wins.
///
/// Meant as ingest's fallback once the bytes turned out not to be UTF-8 (UTF-8, BOMs and
/// binary files are `TextDecoding`'s job), so it is strict: it rather returns nil (and the
/// caller reports invalid UTF-8 with its offset) than guess.
/// - Only Chinese charsets: ICU proposes ISO-8859-1 for almost any bytes, and Shift_JIS or
///   EUC-JP for short runs of damaged UTF-8; this project reads Chinese.
/// - Big5 and GB18030 are always tried, whatever ICU ranks first: on a short text it often
///   ranks Shift_JIS or the wrong Chinese charset first (a 16-byte Big5 sentence reads as
///   half-width katakana; GB18030 decodes almost any bytes). The reading with the largest share
///   of common Chinese characters wins; it needs a share of at least `leastCommonShare` and at
///   least `leastCommonCount` of them.
/// - A result must look like text: no NUL or other control characters besides tab, newline,
///   carriage return and form feed.
/// - Bytes that are mostly well-formed UTF-8 are damaged UTF-8: nil.
package enum CharsetDetection {
    /// The charsets read, by ICU's names.
    static let chinese: Set<String> = ["Big5", "GB18030", "ISO-2022-CN"]

    /// The most frequent characters of written Chinese (the top of the usual frequency lists,
    /// Simplified with their Traditional forms by ICU's Simplified-Traditional transliterator)
    /// and full-width punctuation. In real Chinese text they make most of the ideographs; in
    /// bytes decoded in the wrong charset, a few percent.
    static let common: Set<Unicode.Scalar> = Set("的一是不了人在有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显這個們來為國說時會對於著過發後種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風乾聯組濟車親極辦議證轉遠單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣顯，。、「」『』：；！？（）".unicodeScalars)

    /// Least share of common characters among the ideographs and punctuation of a reading.
    static let leastCommonShare = 0.2
    /// Least number of common characters in a reading: one or two characters prove nothing.
    static let leastCommonCount = 3

    /// Share of `common` characters among the CJK ideographs, kana and full-width forms of
    /// `text`, and their number.
    static func commonShare(_ text: String) -> (share: Double, count: Int) {
        var cjk = 0, hits = 0
        for u in text.unicodeScalars {
            let v = u.value
            guard (0x3000...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFFEF).contains(v)
                || (0xE000...0xF8FF).contains(v) || v >= 0x20000 else { continue }
            cjk += 1
            if common.contains(u) { hits += 1 }
        }
        return (cjk == 0 ? 0 : Double(hits) / Double(cjk), hits)
    }

    /// Bytes the detector looks at (conversion always covers the whole input).
    static let sampleBytes = 256 << 10

    /// The text and the charset it was read in (`Big5`, `GB18030`, …), or nil when no accepted
    /// charset reads these bytes as text.
    package static func detectAndDecode(_ bytes: [UInt8]) -> (text: String, encoding: String)? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) / 4, !bytes.contains(0) else { return nil }
        let (valid, invalid) = UTF8Text.multiByteCounts(bytes)
        if valid > invalid { return nil }
        var names = candidates(bytes).map(\.name).filter(chinese.contains)
        for name in ["Big5", "GB18030"] where !names.contains(name) { names.append(name) }
        var best: (text: String, encoding: String, share: Double)?
        for name in names {
            guard case .success(let text) = decode(bytes, from: name), looksLikeText(text) else { continue }
            let (share, count) = commonShare(text)
            if share >= leastCommonShare, count >= leastCommonCount, share > (best?.share ?? -1) {
                best = (text, name, share)
            }
        }
        if let best { return (best.text, best.encoding) }
        return nil
    }

    /// ICU's candidates for the first `sampleBytes` of `bytes`, best first.
    package static func candidates(_ bytes: [UInt8]) -> [(name: String, confidence: Int32)] {
        let max: Int32 = 16
        let size = Int(WENXI_CHARSET_NAME_SIZE)
        var names = [CChar](repeating: 0, count: Int(max) * size)
        var confidences = [Int32](repeating: 0, count: Int(max))
        var status: Int32 = 0
        let sample = bytes.prefix(sampleBytes)
        let n = sample.withUnsafeBufferPointer { b in
            wenxi_charset_detect(b.baseAddress, Int32(b.count), &names, &confidences, max, &status)
        }
        guard n > 0 else { return [] }
        return (0..<Int(n)).map { i in
            let name = names[(i * size)..<((i + 1) * size)].withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return (name, confidences[i])
        }
    }

    /// Why a conversion failed: the charset is unknown to ICU, or a byte sequence at `byteOffset`
    /// is not valid in it.
    package enum ConversionError: Error, Equatable {
        case unknownCharset(String)
        case invalid(byteOffset: Int)
    }

    /// Converts `bytes` from `charset` (any ICU converter name) to a String, failing at the
    /// first invalid or unmapped byte sequence.
    package static func decode(_ bytes: [UInt8], from charset: String) -> Result<String, ConversionError> {
        var units = [UInt16](repeating: 0, count: 2 * bytes.count + 2)
        var status: Int32 = 0
        var errorOffset: Int32 = -1
        let capacity = Int32(units.count)
        let n = bytes.withUnsafeBufferPointer { b in
            units.withUnsafeMutableBufferPointer { u in
                wenxi_charset_to_utf16(charset, b.baseAddress, Int32(b.count), u.baseAddress, capacity, &errorOffset, &status)
            }
        }
        guard n >= 0 else {
            return errorOffset >= 0 ? .failure(.invalid(byteOffset: Int(errorOffset))) : .failure(.unknownCharset(charset))
        }
        return .success(String(decoding: units[0..<Int(n)], as: UTF16.self))
    }

    /// Encodes `text` in `charset`; nil when a character has no mapping there (or the charset is
    /// unknown). The inverse of `decode`, used to write test inputs.
    package static func encode(_ text: String, as charset: String) -> [UInt8]? {
        let units = Array(text.utf16)
        var out = [UInt8](repeating: 0, count: 4 * units.count + 8)
        var status: Int32 = 0
        let capacity = Int32(out.count)
        let n = units.withUnsafeBufferPointer { u in
            out.withUnsafeMutableBufferPointer { o in
                wenxi_charset_from_utf16(charset, u.baseAddress, Int32(u.count), o.baseAddress, capacity, &status)
            }
        }
        guard n >= 0 else { return nil }
        return Array(out[0..<Int(n)])
    }

    /// No NUL, C0 control (except tab, LF, FF, CR), DEL or C1 control.
    static func looksLikeText(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0C && v != 0x0D { return false }
            if v >= 0x7F && v <= 0x9F { return false }
        }
        return true
    }
}
