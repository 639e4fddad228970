import Foundation
import Testing
@testable import Wenxi

/// The text kernel (Sources/Wenxi/Text): UTF-8 validation, decoding and encoding, ASCII classes,
/// scalar sets and line splitting, each against a table of named rows.
@Suite("Text kernel")
struct TextKernelTests {
    struct UTF8Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        /// Offset of the first bad byte; nil when well-formed.
        let firstBad: Int?
        var testDescription: String { name }
    }

    static let utf8Cases: [UTF8Case] = [
        .init(name: "empty", bytes: [], firstBad: nil),
        .init(name: "ASCII longer than a word", bytes: Array("abcdefghijklmnopq".utf8), firstBad: nil),
        .init(name: "two, three and four bytes", bytes: Array("é臺😀".utf8), firstBad: nil),
        .init(name: "largest scalar U+10FFFF", bytes: [0xF4, 0x8F, 0xBF, 0xBF], firstBad: nil),
        .init(name: "U+D7FF before the surrogates", bytes: [0xED, 0x9F, 0xBF], firstBad: nil),
        .init(name: "U+E000 after the surrogates", bytes: [0xEE, 0x80, 0x80], firstBad: nil),
        .init(name: "lone continuation byte", bytes: [0x61, 0x80], firstBad: 1),
        .init(name: "overlong 2-byte (C0 80)", bytes: [0xC0, 0x80], firstBad: 0),
        .init(name: "overlong 2-byte (C1 BF)", bytes: [0x41, 0xC1, 0xBF], firstBad: 1),
        .init(name: "overlong 3-byte (E0 80 AF)", bytes: [0xE0, 0x80, 0xAF], firstBad: 0),
        .init(name: "overlong 4-byte (F0 8F BF BF)", bytes: [0xF0, 0x8F, 0xBF, 0xBF], firstBad: 0),
        .init(name: "surrogate U+D800", bytes: [0xED, 0xA0, 0x80], firstBad: 0),
        .init(name: "surrogate U+DFFF after text", bytes: Array("臺".utf8) + [0xED, 0xBF, 0xBF], firstBad: 3),
        .init(name: "above U+10FFFF (F4 90)", bytes: [0xF4, 0x90, 0x80, 0x80], firstBad: 0),
        .init(name: "F5 lead byte", bytes: [0xF5, 0x80, 0x80, 0x80], firstBad: 0),
        .init(name: "FF byte", bytes: [0xFF], firstBad: 0),
        .init(name: "truncated 3-byte at the end", bytes: Array("ab".utf8) + [0xE8, 0x87], firstBad: 2),
        .init(name: "truncated 4-byte at the end", bytes: [0xF0, 0x9F, 0x98], firstBad: 0),
        .init(name: "3-byte cut by ASCII", bytes: [0xE8, 0x41, 0x42], firstBad: 0),
        .init(name: "bad third byte", bytes: [0xE8, 0x87, 0x41], firstBad: 0),
        .init(name: "bad byte after 9 ASCII bytes (word path)", bytes: Array("123456789".utf8) + [0x80], firstBad: 9),
        .init(name: "CJK then a surrogate (3-byte fast path stops at ED)", bytes: Array("中文".utf8) + [0xED, 0xA0, 0x80], firstBad: 6),
        .init(name: "full-width comma then a bad third byte", bytes: [0xEF, 0xBC, 0x8C, 0xEF, 0xBC, 0x41], firstBad: 3),
        .init(name: "CJK lead cut by the end", bytes: Array("中".utf8) + [0xE4, 0xB8], firstBad: 3),
        .init(name: "ASCII word after CJK", bytes: Array("中abcdefghij".utf8) + [0xC0], firstBad: 13),
        .init(name: "CJK run read in pairs, then a surrogate", bytes: Array("中文字體測試".utf8) + [0xED, 0xA0, 0x80, 0x41, 0x41], firstBad: 18),
        .init(name: "CJK run read in pairs, a bad byte in the second of a pair", bytes: Array("中文字".utf8) + [0xE6, 0x41, 0x80] + Array("abcdefgh".utf8), firstBad: 9),
        .init(name: "CJK run read in pairs, an overlong E0 in the second", bytes: Array("中文".utf8) + [0xE0, 0x80, 0x80] + Array("abcdefgh".utf8), firstBad: 6),
        .init(name: "CJK run with 4-byte and ASCII inside", bytes: Array("中文😀字體a測試字體測試".utf8), firstBad: nil),
    ]

    @Test func everyThreeByteLeadAgreesWithTheStandardLibrary() {
        // The fast path for E1–EC and EE–EF leads against String(validating:), every second byte.
        for lead: UInt8 in 0xE0...0xEF {
            for second in 0...255 {
                for third: UInt8 in [0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF] {
                    let bytes: [UInt8] = [0x41, lead, UInt8(second), third]
                    let ok = String(validating: bytes, as: UTF8.self) != nil
                    #expect((UTF8Text.firstInvalid(bytes) == nil) == ok, "\(bytes)")
                }
            }
        }
    }

    @Test func pairsOfThreeByteSequencesAgreeWithTheStandardLibrary() {
        // The two-at-a-time path (one 8-byte load) against String(validating:): every pair of
        // E0–EF leads with second bytes at the edges of the E0 and ED ranges.
        let seconds: [UInt8] = [0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0]
        let thirds: [UInt8] = [0x41, 0x80, 0xBF]
        for a: UInt8 in 0xE0...0xEF {
            for b: UInt8 in 0xE0...0xEF {
                for a2 in seconds {
                    for b2 in seconds {
                        for t in thirds {
                            let bytes: [UInt8] = [a, a2, 0x80, b, b2, t, 0x41, 0x42]
                            let ok = String(validating: bytes, as: UTF8.self) != nil
                            #expect((UTF8Text.firstInvalid(bytes) == nil) == ok, "\(bytes)")
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: utf8Cases)
    func validation(_ c: UTF8Case) {
        #expect(UTF8Text.firstInvalid(c.bytes) == c.firstBad)
        // The standard library accepts exactly the same bytes.
        #expect((String(validating: c.bytes, as: UTF8.self) != nil) == (c.firstBad == nil))
        // A slice reports offsets of the original array.
        let padded = Array("xyz".utf8) + c.bytes
        #expect(UTF8Text.firstInvalid(padded[3...]) == c.firstBad.map { $0 + 3 })
    }

    @Test func multiByteCounts() {
        #expect(UTF8Text.multiByteCounts(Array("a行b政".utf8)) == (2, 0))
        #expect(UTF8Text.multiByteCounts([0xE8, 0x41, 0xC0, 0x80]) == (0, 3))
        #expect(UTF8Text.multiByteCounts([0xF0, 0x9F, 0x98, 0x80, 0xED, 0xA0, 0x80]) == (1, 3))
    }

    static let scalars: [UInt32] = [0, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x81FA, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                                    0x10000, 0x1F600, 0x10FFFF]

    @Test(arguments: scalars)
    func encodeAndDecode(_ v: UInt32) {
        let want = Array(String(Unicode.Scalar(v)!).utf8)
        #expect(UTF8Text.width(v) == want.count)
        var out = [UInt8](repeating: 0, count: 4)
        let n = out.withUnsafeMutableBufferPointer { UTF8Text.encode(v, into: $0, at: 0) }
        #expect(Array(out[0..<n]) == want)
        let (value, length) = want.withUnsafeBufferPointer { UTF8Text.decode($0, at: 0, end: $0.count) }
        #expect(value == v && length == want.count)
    }

    struct DecodeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let value: UInt32
        let length: Int
        var testDescription: String { name }
    }

    /// Bytes that cannot lead, and sequences cut by the end, decode as (U+FFFD, 1).
    static let decodeCases: [DecodeCase] = [
        .init(name: "continuation byte", bytes: [0x80, 0x80], value: 0xFFFD, length: 1),
        .init(name: "C1 lead", bytes: [0xC1, 0x80], value: 0xFFFD, length: 1),
        .init(name: "F5 lead", bytes: [0xF5, 0x80, 0x80, 0x80], value: 0xFFFD, length: 1),
        .init(name: "3-byte cut by the end", bytes: [0xE8, 0x87], value: 0xFFFD, length: 1),
        .init(name: "臺 at the start of a longer text", bytes: Array("臺北".utf8), value: 0x81FA, length: 3),
    ]

    @Test(arguments: decodeCases)
    func decodeIllFormed(_ c: DecodeCase) {
        let (value, length) = c.bytes.withUnsafeBufferPointer { UTF8Text.decode($0, at: 0, end: $0.count) }
        #expect(value == c.value && length == c.length)
    }

    @Test func textBufferAndStringOfScalarsRoundTrip() {
        let s = "a é 臺北 😀\u{10FFFF}"
        let t = TextBuffer(s)
        #expect(t.scalars == Array(s.unicodeScalars))
        #expect(t.utf16 == Array(s.utf16))
        #expect(String(scalars: t.scalars) == s)
        #expect(s.scalarCount == s.unicodeScalars.count)
    }

    /// Texts for TextBuffer's word-at-a-time count and inline decoding: every width of UTF-8
    /// (1–4 bytes) at each position of an 8-byte word, and the edges of the 3-byte range.
    static let textBufferCases: [String] = [
        "", "a", "abcdefgh", "abcdefghi", "臺", "臺北市政府新聞處", "\u{800}\u{FFFF}\u{E000}\u{FFFD}\u{D7FF}",
        "😀", "a😀b", "😀😀😀😀😀", "ab😀臺é\u{10FFFF}\u{10000}x",
    ] + (0..<8).map { String(repeating: "x", count: $0) + "é臺😀abc臺北😀" }

    @Test(arguments: textBufferCases)
    func textBufferMatchesTheStringsOwnViews(_ s: String) {
        let t = TextBuffer(s)
        #expect(t.scalars == Array(s.unicodeScalars))
        #expect(t.utf16 == Array(s.utf16))
        for (i, u) in s.utf16.enumerated() where !UTF16.isTrailSurrogate(u) {
            #expect(t.scalarOffset(utf16: i) == s.utf16.prefix(i).filter { !UTF16.isTrailSurrogate($0) }.count)
        }
    }

    struct LinesCase: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        /// Each line's content and whether it ended in CR LF.
        let lines: [(String, Bool)]
        var testDescription: String { name }
    }

    static let lineCases: [LinesCase] = [
        .init(name: "empty: no line", text: "", lines: []),
        .init(name: "one line without LF", text: "a", lines: [("a", false)]),
        .init(name: "final LF ends, does not separate", text: "a\n", lines: [("a", false)]),
        .init(name: "empty line kept", text: "a\n\nb", lines: [("a", false), ("", false), ("b", false)]),
        .init(name: "lone LF", text: "\n", lines: [("", false)]),
        .init(name: "CRLF", text: "a\r\nb\r\n", lines: [("a", true), ("b", true)]),
        .init(name: "mixed LF and CRLF", text: "a\nb\r\nc", lines: [("a", false), ("b", true), ("c", false)]),
        .init(name: "lone CR does not end a line", text: "a\rb\nc", lines: [("a\rb", false), ("c", false)]),
        .init(name: "CR at the very end", text: "a\r", lines: [("a", true)]),
        .init(name: "CR CR LF: one CR is content", text: "a\r\r\n", lines: [("a\r", true)]),
        .init(name: "non-ASCII", text: "臺北\r\n高雄", lines: [("臺北", true), ("高雄", false)]),
    ]

    @Test(arguments: lineCases)
    func lines(_ c: LinesCase) {
        let bytes = Array(c.text.utf8)
        let got = ByteLines(bytes).map { (String(decoding: bytes[$0.content], as: UTF8.self), $0.crlf) }
        #expect(got.map(\.0) == c.lines.map(\.0))
        #expect(got.map(\.1) == c.lines.map(\.1))
        // contentAndCR is what splitting at LF alone gives.
        var pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        #expect(ByteLines(bytes).map { Array(bytes[$0.contentAndCR]) } == pieces)
        // A slice yields offsets of the original array.
        let padded = Array("zz\n".utf8) + bytes
        #expect(ByteLines(padded[3...]).map { String(decoding: padded[$0.content], as: UTF8.self) } == c.lines.map(\.0))
    }

    struct ASCIICase: CustomTestStringConvertible, Sendable {
        let name: String
        let test: @Sendable (UInt8) -> Bool
        /// Every byte the class holds.
        let members: String
        var testDescription: String { name }
    }

    static let asciiCases: [ASCIICase] = [
        .init(name: "blank", test: ASCII.isBlank, members: " \t"),
        .init(name: "line end", test: ASCII.isLineEnd, members: "\n\r"),
        .init(name: "space", test: ASCII.isSpace, members: " \t\n\r"),
        .init(name: "HTML space", test: ASCII.isHTMLSpace, members: " \t\n\r\u{0C}"),
        .init(name: "digit", test: ASCII.isDigit, members: "0123456789"),
        .init(name: "upper", test: ASCII.isUpper, members: "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        .init(name: "lower", test: ASCII.isLower, members: "abcdefghijklmnopqrstuvwxyz"),
        .init(name: "letter", test: ASCII.isLetter, members: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
        .init(name: "alphanumeric", test: ASCII.isAlphanumeric,
              members: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
        .init(name: "hex digit", test: ASCII.isHexDigit, members: "0123456789ABCDEFabcdef"),
        .init(name: "control", test: ASCII.isControl,
              members: String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}"),
    ]

    /// Every one of the 256 byte values: in the class exactly when listed.
    @Test(arguments: asciiCases)
    func asciiClass(_ c: ASCIICase) {
        let members = Set(c.members.utf8)
        for b in 0...255 {
            #expect(c.test(UInt8(b)) == members.contains(UInt8(b)), "byte \(b)")
        }
    }

    @Test func blankLinesAndTrimming() {
        #expect(ASCII.isBlankLine(Array(" \t\r".utf8)))
        #expect(ASCII.isBlankLine([UInt8]()))
        #expect(!ASCII.isBlankLine(Array(" \n".utf8)))
        #expect(!ASCII.isBlankLine(Array(" x ".utf8)))
        let b = Array("  a b\t ".utf8)
        #expect(ASCII.trimBlanks(b, 0..<b.count) == 2..<5)
        #expect(ASCII.trimBlanks(b, 0..<2) == 2..<2)
    }

    struct SetCase: CustomTestStringConvertible, Sendable {
        let name: String
        let members: [UInt32]
        let outsiders: [UInt32]
        var testDescription: String { name }
    }

    static let setCases: [SetCase] = [
        .init(name: "empty", members: [], outsiders: [0, 0x41, 0x81FA, 0xFFFF, 0x1F600]),
        .init(name: "word edges (bits 0 and 63)", members: [0, 63, 64, 127], outsiders: [1, 62, 65, 128]),
        .init(name: "Han", members: Array("的是在".unicodeScalars.map(\.value)), outsiders: Array("了也".unicodeScalars.map(\.value))),
        .init(name: "BMP end and astral", members: [0xFFFF, 0x10000, 0x20000, 0x10FFFF],
              outsiders: [0xFFFE, 0x10001, 0x1FFFF, 0xFFFF + 0x40]),
        .init(name: "astral does not alias the BMP", members: [0x10041], outsiders: [0x41, 0x0041 + 0x10000 * 2]),
    ]

    @Test(arguments: setCases)
    func scalarSet(_ c: SetCase) {
        let set = ScalarSet(c.members)
        for m in c.members { #expect(set.contains(m), "member \(m)") }
        for o in c.outsiders { #expect(!set.contains(o), "outsider \(o)") }
        // The String initialiser holds the same scalars.
        var text = String.UnicodeScalarView()
        text.append(contentsOf: c.members.compactMap(Unicode.Scalar.init))
        let fromString = ScalarSet(String(text))
        for m in c.members { #expect(fromString.contains(m), "member \(m)") }
        for o in c.outsiders { #expect(!fromString.contains(o), "outsider \(o)") }
    }

    /// `nextMember` finds what a plain scan with `contains` finds, from every position
    /// (members and outsiders interleaved, and from past the end).
    @Test(arguments: setCases)
    func scalarSetNextMember(_ c: SetCase) {
        let set = ScalarSet(c.members)
        let text = c.outsiders + c.members.reversed() + c.outsiders + c.members
        for from in 0...(text.count + 1) {
            let plain = text.indices.first { $0 >= from && set.contains(text[$0]) } ?? max(from, text.count)
            #expect(set.nextMember(in: text, from: from) == plain, "from \(from)")
        }
        #expect(set.nextMember(in: [], from: 0) == 0)
    }
}
