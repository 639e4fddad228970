import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// `Analyzer.analyze(_ inputs:)` runs a batch stage by stage; it must give, input by input, what
/// analysing them one at a time gives, failures included and in their places.
@Suite("Analyzer: stage-by-stage batches")
struct AnalyzerBatchTests {
    static let inputs: [InputDocument] = [
        InputDocument(path: "a.txt", bytes: Array("桃園市長張善政今天說，市府明年編列新台幣4500萬元。".utf8)),
        InputDocument(path: "binary.bin", bytes: [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00]),
        InputDocument(path: "b.md", bytes: Array("---\ntitle: 行政院會通過總預算\ndate: 2023-09-19 10:00:00 +0800\n---\n<p>行政院今天開會。</p><ul class=\"related\"><li><a href=\"x\">桃市府撥款逾3公頃</a></li></ul>\n".utf8)),
        InputDocument(path: "empty.txt", bytes: []),
        InputDocument(path: "bad-utf8.txt", bytes: Array("行政院".utf8) + [0xE8, 0x28] + Array("開會".utf8)),
        InputDocument(path: "c.html", bytes: Array("<html><body><p>衛福部疾管署表示<b>國內新增3例</p><p>立法院下週審查。".utf8), id: "c"),
        // Related links' titles are segmented in the segment stage and tagged in the related
        // stage: a title seen before in the batch (its tokens remembered), an empty one, and
        // one with a line break must each keep their own link's entities.
        InputDocument(path: "d.md", bytes: Array("---\ntitle: 桃園市議會開議\ndate: 2023-09-20 10:00:00 +0800\n---\n<p>市府今天報告。</p><ul class=\"related\"><li><a href=\"x\">桃市府撥款逾3公頃</a></li><li><a href=\"y\"></a></li><li><a href=\"z\">衛福部<br>疾管署明天說明</a></li><li><a href=\"w\">桃市府撥款逾3公頃</a></li></ul>\n".utf8)),
    ]

    static func outcome(_ r: Result<Report, any Error>) throws -> String {
        switch r {
        case .success(let report): String(decoding: try ReportEncoder().encode(report), as: UTF8.self)
        case .failure(let error): "error: \(error)"
        }
    }

    @Test func aBatchGivesWhatOneAtATimeGives() throws {
        let resources = try Resources(dictionaries: Fixtures.dictionaries)
        let single = try Analyzer(resources: resources)
        let expected = try Self.inputs.map { input in try Self.outcome(Result { try single.analyze(input) }) }
        // The binary file fails; the others around it do not.
        #expect(expected[1].hasPrefix("error: "))
        #expect(!expected[0].hasPrefix("error: ") && !expected[2].hasPrefix("error: ") && !expected[5].hasPrefix("error: "))
        // The related titles' entities are in the reports (so the batches below compare them).
        #expect(expected[2].contains("桃市府") && expected[6].contains("疾管署"))

        let batched = try Analyzer(resources: resources)
        // Batches of 1 to all inputs, taken whole or (a byte limit below every input's size)
        // one document at a time.
        for (size, maxBytes) in [(1, 1 << 20), (2, 1 << 20), (4, 1 << 20), (Self.inputs.count, 1 << 20), (Self.inputs.count, 1)] {
            batched.maxBatchBytes = maxBytes
            var got: [String] = []
            var i = 0
            while i < Self.inputs.count {
                let chunk = Array(Self.inputs[i..<min(i + size, Self.inputs.count)])
                let results = batched.analyze(chunk)
                #expect(results.count == chunk.count)
                got += try results.map(Self.outcome)
                i += size
            }
            #expect(got == expected, "batch size \(size), at most \(maxBytes) bytes together")
        }
    }

    @Test func stageTimesCoverTheBatch() throws {
        let analyzer = try Analyzer(resources: try Resources(dictionaries: Fixtures.dictionaries))
        _ = analyzer.analyze(Self.inputs)
        #expect(analyzer.lastTimes.total == 0)          // not recorded unless asked
        analyzer.recordsTimes = true
        _ = analyzer.analyze(Self.inputs)
        #expect(analyzer.lastTimes.documents == Self.inputs.count)
        #expect(analyzer.lastTimes[.segment] > 0)
        #expect(analyzer.lastTimes.total >= analyzer.lastTimes[.tag])
    }
}
