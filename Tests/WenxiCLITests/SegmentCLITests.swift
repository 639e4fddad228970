import Foundation
import Testing

@Suite("wenxi segment")
struct SegmentCLITests {
    static let article = "（中央社記者葉臻桃園19日電）桃園市長張善政今天說，他很高興。藉由組織整改讓智慧科技得以順利推動。（編輯：林恕暉）1120919\n"

    @Test func sentencesOnePerLine() throws {
        let r = try CLI.run(["segment", "-"], stdin: Data(Self.article.utf8))
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout == """
            （中央社記者葉臻桃園19日電）桃園市長張善政今天說，他很高興。
            藉由組織整改讓智慧科技得以順利推動。
            （編輯：林恕暉）1120919

            """)
    }

    @Test func linesKeepsOneOutputLinePerCRLFInputLine() throws {
        let r = try CLI.run(["segment", "--words", "--lines", "-"], stdin: Data("今天下雨\r\n\r\n2023年 ABC\r\n".utf8))
        #expect(r.status == 0)
        #expect(r.stdout == "今天 下雨\n\n2023年 ABC\n")
    }

    @Test func jsonSentencesCarryOffsetsAndTokens() throws {
        let r = try CLI.run(["segment", "--words", "--json", "-"], stdin: Data(Self.article.utf8))
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let sentences = try #require(doc["sentences"] as? [[String: Any]])
        #expect(sentences.count == 3)
        let last = try #require(sentences.last)
        #expect(last["text"] as? String == "（編輯：林恕暉）1120919")
        let tokens = try #require(last["tokens"] as? [[String: Any]])
        #expect(tokens.last?["text"] as? String == "1120919")
        #expect(tokens.last?["kind"] as? String == "number")
    }

    @Test func benchPrintsOneJSONLine() throws {
        let r = try CLI.run(["segment", "--bench", "--rounds", "1", "-"], stdin: Data(Self.article.utf8))
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        for key in ["icu_word_mb_s", "token_spans_mb_s", "tokens_mb_s", "sentences_mb_s", "segment_mb_s",
                    "segment_ratio", "bytes", "documents", "tokens", "sentences"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        #expect(doc["documents"] as? Int == 1)
        #expect(doc["sentences"] as? Int == 3)
    }

    @Test func invalidUTF8InLinesModeNamesTheByte() throws {
        let r = try CLI.run(["segment", "--lines", "-"], stdin: Data([0xE4, 0xBB, 0x8A, 0x0A, 0x41, 0xFF, 0x0A]))
        #expect(r.status == 1)
        #expect(r.stdout == "")
        #expect(r.stderr == "wenxi: error: -: not valid UTF-8 at byte 5\n")
    }

    @Test(arguments: [["segment"], ["segment", "--lines", "--sentences", "-"], ["segment", "--bench", "--json", "-"]])
    func usageErrors(_ args: [String]) throws {
        let r = try CLI.run(args)
        #expect(r.status == 64)
        #expect(r.stdout == "")
        #expect(r.stderr.contains("Error:"))
    }
}
