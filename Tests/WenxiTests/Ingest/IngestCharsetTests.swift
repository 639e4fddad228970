import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Ingest: charset detection")
struct IngestCharsetTests {
    static let traditional = "行政院今天宣布，明年度中央政府總預算將增加新臺幣一百億元，用於長期照顧與少子化對策。立法院預計下週審查。"
    static let simplified = "国务院今天宣布，明年中央政府预算将增加一百亿元，用于养老服务和儿童教育。全国人大将于下周审议。"

    /// `traditional` in Big5, written out by Python's codec (independent of ICU).
    static let big5: [UInt8] = [
        0xA6, 0xE6, 0xAC, 0x46, 0xB0, 0x7C, 0xA4, 0xB5, 0xA4, 0xD1, 0xAB, 0xC5, 0xA5, 0xAC, 0xA1, 0x41, 0xA9, 0xFA, 0xA6, 0x7E,
        0xAB, 0xD7, 0xA4, 0xA4, 0xA5, 0xA1, 0xAC, 0x46, 0xA9, 0xB2, 0xC1, 0x60, 0xB9, 0x77, 0xBA, 0xE2, 0xB1, 0x4E, 0xBC, 0x57,
        0xA5, 0x5B, 0xB7, 0x73, 0xBB, 0x4F, 0xB9, 0xF4, 0xA4, 0x40, 0xA6, 0xCA, 0xBB, 0xF5, 0xA4, 0xB8, 0xA1, 0x41, 0xA5, 0xCE,
        0xA9, 0xF3, 0xAA, 0xF8, 0xB4, 0xC1, 0xB7, 0xD3, 0xC5, 0x55, 0xBB, 0x50, 0xA4, 0xD6, 0xA4, 0x6C, 0xA4, 0xC6, 0xB9, 0xEF,
        0xB5, 0xA6, 0xA1, 0x43, 0xA5, 0xDF, 0xAA, 0x6B, 0xB0, 0x7C, 0xB9, 0x77, 0xAD, 0x70, 0xA4, 0x55, 0xB6, 0x67, 0xBC, 0x66,
        0xAC, 0x64, 0xA1, 0x43,
    ]
    /// `simplified` in GB18030 (here GB2312 bytes), written out by Python's codec.
    static let gb18030: [UInt8] = [
        0xB9, 0xFA, 0xCE, 0xF1, 0xD4, 0xBA, 0xBD, 0xF1, 0xCC, 0xEC, 0xD0, 0xFB, 0xB2, 0xBC, 0xA3, 0xAC, 0xC3, 0xF7, 0xC4, 0xEA,
        0xD6, 0xD0, 0xD1, 0xEB, 0xD5, 0xFE, 0xB8, 0xAE, 0xD4, 0xA4, 0xCB, 0xE3, 0xBD, 0xAB, 0xD4, 0xF6, 0xBC, 0xD3, 0xD2, 0xBB,
        0xB0, 0xD9, 0xD2, 0xDA, 0xD4, 0xAA, 0xA3, 0xAC, 0xD3, 0xC3, 0xD3, 0xDA, 0xD1, 0xF8, 0xC0, 0xCF, 0xB7, 0xFE, 0xCE, 0xF1,
        0xBA, 0xCD, 0xB6, 0xF9, 0xCD, 0xAF, 0xBD, 0xCC, 0xD3, 0xFD, 0xA1, 0xA3, 0xC8, 0xAB, 0xB9, 0xFA, 0xC8, 0xCB, 0xB4, 0xF3,
        0xBD, 0xAB, 0xD3, 0xDA, 0xCF, 0xC2, 0xD6, 0xDC, 0xC9, 0xF3, 0xD2, 0xE9, 0xA1, 0xA3,
    ]

    @Test func big5BytesAreDetectedAndConverted() throws {
        let r = try #require(CharsetDetection.detectAndDecode(Self.big5))
        #expect(r.encoding == "Big5")
        #expect(r.text == Self.traditional)
    }

    @Test func gb18030BytesAreDetectedAndConverted() throws {
        let r = try #require(CharsetDetection.detectAndDecode(Self.gb18030))
        #expect(r.encoding == "GB18030")
        #expect(r.text == Self.simplified)
    }

    /// 行政院今天開會。 / 国务院今天开会。 — too short for ICU to rank Big5 or GB18030 first.
    @Test(arguments: [
        ("Big5", [0xA6, 0xE6, 0xAC, 0x46, 0xB0, 0x7C, 0xA4, 0xB5, 0xA4, 0xD1, 0xB6, 0x7D, 0xB7, 0x7C, 0xA1, 0x43] as [UInt8], "行政院今天開會。"),
        ("GB18030", [0xB9, 0xFA, 0xCE, 0xF1, 0xD4, 0xBA, 0xBD, 0xF1, 0xCC, 0xEC, 0xBF, 0xAA, 0xBB, 0xE1, 0xA1, 0xA3], "国务院今天开会。"),
    ])
    func shortChineseTextIsReadAsChinese(charset: String, bytes: [UInt8], text: String) throws {
        let r = try #require(CharsetDetection.detectAndDecode(bytes))
        #expect(r.encoding == charset)
        #expect(r.text == text)
    }

    @Test func encodeIsTheInverseOfDecodeAndMatchesPython() throws {
        #expect(CharsetDetection.encode(Self.traditional, as: "Big5") == Self.big5)
        #expect(CharsetDetection.encode(Self.simplified, as: "GB18030") == Self.gb18030)
        #expect(CharsetDetection.decode(Self.big5, from: "Big5") == .success(Self.traditional))
    }

    /// A news-like article with CRLF lines and ASCII, as a file from an old Big5 or GBK site would be.
    @Test(arguments: [("Big5", traditional), ("GB18030", simplified)])
    func longerMixedTextRoundTrips(charset: String, text: String) throws {
        let article = (0..<20).map { "第\($0 + 1)段 (2024) " + text }.joined(separator: "\r\n")
        let bytes = try #require(CharsetDetection.encode(article, as: charset))
        let r = try #require(CharsetDetection.detectAndDecode(bytes))
        #expect(r.encoding == charset)
        #expect(r.text == article)
    }

    /// High bytes without NUL or controls, as in a damaged or foreign binary: no Chinese reading
    /// has enough common characters.
    @Test func randomHighBytesAreNotChinese() {
        var x: UInt32 = 12345
        let bytes: [UInt8] = (0..<4000).map { _ in
            x = x &* 1_103_515_245 &+ 12345
            return UInt8(0x81 + (x >> 16) % 0x7E)
        }
        #expect(CharsetDetection.detectAndDecode(bytes) == nil)
    }

    @Test func commonShareSeparatesChineseFromGarbage() {
        #expect(CharsetDetection.commonShare(Self.traditional).share > 0.5)
        #expect(CharsetDetection.commonShare(Self.simplified).share > 0.5)
        // The Big5 bytes of 行政院今天開會。 read as GB18030.
        #expect(CharsetDetection.commonShare("︽現皘さぱ秨穦").share < 0.2)
        #expect(CharsetDetection.commonShare("abc") == (0, 0))
    }

    @Test func characterOutsideTheCharsetCannotBeEncoded() {
        #expect(CharsetDetection.encode("😀", as: "Big5") == nil)
    }

    @Test func invalidSequenceGivesItsByteOffset() {
        // 0xA6 0xE6 is 行; the lead byte 0xA6 cannot be followed by a space.
        #expect(CharsetDetection.decode([0xA6, 0xE6, 0x41, 0xA6, 0x20, 0x41], from: "Big5") == .failure(.invalid(byteOffset: 3)))
        #expect(CharsetDetection.decode([0x41], from: "no-such-charset") == .failure(.unknownCharset("no-such-charset")))
    }

    static let notChinese: [(String, [UInt8])] = {
        let damaged: [UInt8] = Array("行政院今天宣布明年度中央政府總預算".utf8) + [0xFF] + Array("立法院預計下週審查".utf8)
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" au lait, cr".utf8) + [0xE8, 0x6D, 0x65]
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]
        let controls: [UInt8] = [UInt8](repeating: 0x01, count: 40) + Array("abc".utf8)
        let shiftJIS: [UInt8] = CharsetDetection.encode("今日は東京で会議が開かれました。", as: "Shift_JIS")!
        return [
            ("empty", []),
            ("NUL bytes (binary)", elf),
            ("control bytes", controls),
            ("UTF-8 damaged by one byte", damaged),
            ("Latin-1 is not guessed", latin1),
            // Short damaged UTF-8, which ICU reads as Shift_JIS or EUC-JP.
            ("truncated UTF-8", [0xE4, 0xB8, 0xAD, 0xE6, 0x96]),
            ("truncated UTF-8 before ASCII", [0xE6, 0x96, 0x41]),
            ("overlong slash", [0x41, 0xC0, 0xAF]),
            ("overlong 3-byte", [0xE0, 0x80, 0xAF, 0xE6, 0x94, 0xBF]),
            ("one Big5 character", Array("0123456789abcdefghij".utf8) + [0xA5, 0x78]),
            ("Japanese in Shift_JIS", shiftJIS),
        ]
    }()

    @Test(arguments: notChinese)
    func notChineseTextIsRefused(name: String, bytes: [UInt8]) {
        #expect(CharsetDetection.detectAndDecode(bytes) == nil, "\(name)")
    }

    @Test func utf8SequenceCounts() {
        #expect(UTF8Text.multiByteCounts(Array("a行b政".utf8)) == (2, 0))
        #expect(UTF8Text.multiByteCounts([0xE8, 0x41, 0xC0, 0x80]) == (0, 3))
    }
}
