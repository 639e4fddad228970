import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Normalize: paragraph clean-up")
struct NormalizeTests {
    @Test(arguments: [
        ("ASCII runs fold", "a  \t b\n c", "a b c"),
        ("edges trimmed", "  \n 台北市 \t\n", "台北市"),
        ("line break between CJK is dropped", "數位治理\n    能力", "數位治理能力"),
        ("space between CJK is kept", "桃市府拚數位治理 113年", "桃市府拚數位治理 113年"),
        ("line break between Latin words is a space", "Joe\nBiden", "Joe Biden"),
        ("line break between CJK and Latin is a space", "總統\nBiden", "總統 Biden"),
        ("no-break space is a space", "押金\u{A0}50\u{A0}\u{A0}元", "押金 50 元"),
        ("thin and en spaces", "A\u{2009}B\u{2002}C", "A B C"),
        ("zero-width space removed", "台\u{200B}北", "台北"),
        ("BOM and joiners removed", "\u{FEFF}高\u{200D}雄\u{200C}市\u{2060}", "高雄市"),
        ("bidi marks removed", "\u{200E}臺灣\u{202B}新聞\u{202C}", "臺灣新聞"),
        ("soft hyphen removed", "infor\u{AD}mation", "information"),
        ("control characters removed", "台\u{7}北\u{1B}市\u{85}", "台北市"),
        ("ideographic space trimmed at edges", "\u{3000}\u{3000}記者報導\u{3000}", "記者報導"),
        ("ideographic space kept inside", "主教\u{3000}欲關閉", "主教\u{3000}欲關閉"),
        ("ideographic space absorbs ASCII spaces", "A \u{3000} B", "A\u{3000}B"),
        ("NFC composes", "Cafe\u{301}", "Café"),
        ("NFC maps CJK compatibility ideographs", "\u{F900}", "\u{8C48}"),
        ("full-width digits and letters kept", "２０２３年ＡＩ新台幣４５００萬", "２０２３年ＡＩ新台幣４５００萬"),
        ("CR inside paragraph is whitespace", "a\r\nb", "a b"),
    ])
    func paragraph(_ name: String, _ input: String, _ expected: String) {
        #expect(TextNormalizer.paragraph(input) == expected, "\(name)")
    }

    /// `BodyBytes` cleans paragraphs into one buffer: the same paragraphs, joined text and
    /// scalar spans as cleaning each into a String and joining them (blank ones dropped, NFC
    /// applied, ill-formed bytes repaired paragraph by paragraph).
    @Test(arguments: [
        ("plain", [Array("第一段。".utf8), Array("  second \n para ".utf8), Array("第三段".utf8)]),
        ("blank ones dropped", [Array(" \u{3000} ".utf8), Array("甲".utf8), Array("".utf8), Array("\u{200B}".utf8), Array("乙".utf8)]),
        ("NFC and astral", [Array("Cafe\u{301}".utf8), Array("𠀀字\u{F900}".utf8)]),
        ("ill-formed bytes", [[0xE5, 0x8F, 0x41], Array("台北".utf8) + [0xF0, 0x90, 0x80], [0xFF, 0x42]]),
        ("long paragraphs of mixed widths (counted eight bytes at a time)",
         [Array("中華民國行政院今天開會 abc 😀 é、討論明年度預算".utf8), Array(String(repeating: "台北市abc😀ü", count: 9).utf8),
          Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8), Array("一二三四五六七八九十".utf8)]),
    ] as [(String, [[UInt8]])])
    func bodyBytes(_ name: String, _ inputs: [[UInt8]]) {
        var body = BodyBytes()
        var expected: [String] = []
        for input in inputs {
            input.withUnsafeBufferPointer { body.append(normalizing: $0) }
            if let p = input.withUnsafeBufferPointer({ TextNormalizer.paragraph($0) }) { expected.append(p) }
        }
        #expect(body.paragraphs == expected, "\(name)")
        let (text, spans) = body.joined()
        #expect(text == expected.joined(separator: "\n"), "\(name)")
        var offset = 0, want: [Span] = []
        for p in expected {
            want.append(Span(start: offset, end: offset + p.unicodeScalars.count))
            offset += p.unicodeScalars.count + 1
        }
        #expect(spans == want, "\(name)")
    }

    /// The body String is made by `BodyBytes.string` (checked by `UTF8Text.firstInvalid`, then
    /// copied without the String's own check): the same String, or nil, as `String(validating:)`.
    @Test(arguments: [
        ("empty", []),
        ("ASCII, CJK, astral", Array("abc 中華民國、台北😀é\n第二段".utf8)),
        ("a CJK run past eight bytes", Array(String(repeating: "行政院", count: 7).utf8)),
        ("E0 and ED edges, well-formed", [0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xEF, 0xBF, 0xBF]),
        ("overlong E0", [0xE4, 0xB8, 0xAD, 0xE0, 0x80, 0x80]),
        ("surrogate", Array("中文字".utf8) + [0xED, 0xA0, 0x80]),
        ("overlong two-byte", [0x41, 0xC0, 0x80]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("cut at the end after a CJK run", Array("中華民國台北".utf8) + [0xE5, 0x8F]),
        ("lone continuation inside a CJK run", Array("中華民".utf8) + [0x80] + Array("國台北".utf8)),
        ("bad continuation in the second of a pair", [0xE4, 0xB8, 0xAD, 0xE6, 0x41, 0x87, 0x20, 0x20]),
    ] as [(String, [UInt8])])
    func bodyString(_ name: String, _ bytes: [UInt8]) {
        #expect(BodyBytes.string(bytes) == String(validating: bytes, as: UTF8.self), "\(name)")
        #expect(BodyBytes.string(bytes)?.utf8.elementsEqual(bytes) ?? true, "\(name)")
    }

    @Test(arguments: ["", " ", "\n\t \u{A0}", "\u{200B}\u{FEFF}", "\u{3000}\u{3000}"])
    func blankIsNil(_ input: String) {
        #expect(TextNormalizer.paragraph(input) == nil)
    }

    @Test(arguments: [
        ("a\r\nb", "a\nb"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\r\nb", "a\n\nb"),
        ("no breaks", "no breaks"),
    ])
    func lineBreaks(_ input: String, _ expected: String) {
        #expect(TextNormalizer.lineBreaks(input) == expected)
    }
}
