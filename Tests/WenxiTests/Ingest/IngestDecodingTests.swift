import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Ingest: decoding and SHA-256")
struct IngestDecodingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let text: String
        let encoding: String
        var testDescription: String { name }
    }

    static let goodInputs: [Case] = [
        Case(name: "UTF-8", bytes: Array("臺北市".utf8), text: "臺北市", encoding: "UTF-8"),
        Case(name: "UTF-8 with BOM", bytes: [0xEF, 0xBB, 0xBF] + Array("高雄".utf8), text: "高雄", encoding: "UTF-8 with BOM"),
        Case(name: "UTF-16LE with BOM", bytes: [0xFF, 0xFE, 0xF0, 0x53, 0x17, 0x53, 0x3D, 0xD8, 0x00, 0xDE],
             text: "台北😀", encoding: "UTF-16LE"),
        Case(name: "UTF-16BE with BOM", bytes: [0xFE, 0xFF, 0x53, 0xF0, 0x53, 0x17], text: "台北", encoding: "UTF-16BE"),
        Case(name: "empty", bytes: [], text: "", encoding: "UTF-8"),
    ]

    @Test(arguments: goodInputs)
    func decodes(_ c: Case) throws {
        let (text, encoding) = try TextDecoding.decode(c.bytes)
        #expect(text == c.text)
        #expect(encoding == c.encoding)
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let error: WenxiError
        var testDescription: String { name }
    }

    static let badInputs: [Bad] = [
        Bad(name: "stray 0xFF", bytes: Array("ab".utf8) + [0xFF] + Array("cd".utf8), error: .invalidUTF8(byteOffset: 2)),
        Bad(name: "lone continuation after CJK", bytes: Array("ab中".utf8) + [0x80], error: .invalidUTF8(byteOffset: 5)),
        Bad(name: "truncated at end", bytes: Array("中".utf8) + [0xE6, 0x96], error: .invalidUTF8(byteOffset: 3)),
        Bad(name: "truncated before ASCII", bytes: [0xE6, 0x96, 0x41], error: .invalidUTF8(byteOffset: 0)),
        Bad(name: "overlong slash", bytes: [0x41, 0xC0, 0xAF], error: .invalidUTF8(byteOffset: 1)),
        Bad(name: "overlong 3-byte", bytes: [0xE0, 0x80, 0xAF], error: .invalidUTF8(byteOffset: 0)),
        Bad(name: "UTF-16 surrogate", bytes: [0xED, 0xA0, 0x80], error: .invalidUTF8(byteOffset: 0)),
        Bad(name: "above U+10FFFF", bytes: [0xF4, 0x90, 0x80, 0x80], error: .invalidUTF8(byteOffset: 0)),
        Bad(name: "Big5 bytes after long ASCII run", bytes: Array("0123456789abcdefghij".utf8) + [0xA5, 0x78],
            error: .invalidUTF8(byteOffset: 20)),
        Bad(name: "NUL byte", bytes: Array("ab".utf8) + [0x00] + Array("c".utf8), error: .binary(byteOffset: 2)),
        Bad(name: "NUL before bad UTF-8", bytes: [0xFF, 0x00], error: .binary(byteOffset: 1)),
        Bad(name: "UTF-16LE without BOM", bytes: [0x61, 0x00, 0x62, 0x00], error: .binary(byteOffset: 1)),
    ]

    @Test(arguments: badInputs)
    func rejects(_ c: Bad) {
        #expect(throws: c.error) { try TextDecoding.decode(c.bytes) }
    }

    @Test func unpairedUTF16SurrogateIsAnError() {
        #expect(throws: WenxiError.malformed("unpaired UTF-16 surrogate at byte 2")) {
            try TextDecoding.decode([0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00])
        }
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("桃市府拚數位治理", "91962162d3c1229bc0af89cd923661ff68a3637251115fa31dc48c7e28fd9ca0"),
    ])
    func sha256Vectors(_ input: String, _ hex: String) {
        #expect(SourceHash.sha256Hex(Array(input.utf8)) == hex)
    }

    /// Lengths around the 64-byte block and the 56-byte padding boundary.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func sha256Lengths(_ n: Int, _ hex: String) {
        #expect(SourceHash.sha256Hex([UInt8](repeating: 0x61, count: n)) == hex)
    }
}
