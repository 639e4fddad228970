import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Time linear in input size: generated worst cases at 1× and 4× size. A quadratic stage makes
/// the 4× run take about 16 times the 1× run; the ratio of whole-run CPU times must stay under 8.
/// (The sizes are small so that the test is quick; each of these cases was quadratic once and
/// showed it at these sizes.)
@Suite("Reliability: linear time")
struct LinearTimeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// The input for `units` repetitions of the case's unit.
        var make: @Sendable (Int) -> InputDocument
        var units: Int
        var testDescription: String { name }

        static func text(_ name: String, _ unit: String, _ units: Int) -> Case {
            Case(name: name, make: { n in InputDocument(path: "\(name).txt", bytes: Array(String(repeating: unit, count: n).utf8)) }, units: units)
        }
    }

    static let cases: [Case] = [
        .text("萬", "萬", 20_000),
        .text("億", "億", 20_000),
        .text("一", "一", 20_000),
        .text("〇", "〇", 20_000),
        .text("兆", "兆", 20_000),
        Case(name: "&#x4e00; in HTML", make: { n in
            InputDocument(path: "x.html", bytes: Array(("<p>" + String(repeating: "&#x4e00;", count: n) + "</p>").utf8))
        }, units: 20_000),
        .text("CNA dateline", "（中央社記者葉臻桃園19日電）", 2_000),
        .text("amounts of two lengths", "1元，10元，", 8_000),
        .text("agency names", "行政院", 10_000),
    ]

    /// CPU seconds of analysing and encoding `doc` (the best of two runs).
    static func cpu(_ analyzer: Analyzer, _ doc: InputDocument) throws -> Double {
        var best = Double.infinity
        for _ in 0..<2 {
            let t0 = threadCPUSeconds()
            let report = try analyzer.analyze(doc)
            _ = try ReportEncoder().encode(report)
            best = min(best, threadCPUSeconds() - t0)
        }
        return best
    }

    @Test(arguments: cases)
    func fourTimesTheInputTakesAboutFourTimesTheTime(_ c: Case) throws {
        let analyzer = try Analyzer(resources: Fixtures.resources)
        _ = try analyzer.analyze(c.make(100)) // warm up
        let one = try Self.cpu(analyzer, c.make(c.units))
        let four = try Self.cpu(analyzer, c.make(4 * c.units))
        let ratio = four / max(one, 1e-4)
        #expect(ratio < 8, "\(c.name): \(one) s at 1×, \(four) s at 4× (ratio \(ratio))")
    }

    /// The entity limit bounds memory: a document with more entities than it keeps the first
    /// ones and says so in a finding.
    @Test func entityLimitKeepsTheFirstAndSaysSo() throws {
        let analyzer = try Analyzer(resources: Fixtures.resources)
        let n = DocumentLimits.maxEntities + 10
        let doc = InputDocument(path: "many.txt", bytes: Array(String(repeating: "1元，", count: n).utf8))
        let report = try analyzer.analyze(doc)
        #expect(report.entities.count == DocumentLimits.maxEntities)
        #expect(report.entities.last?.start == 3 * (DocumentLimits.maxEntities - 1))
        #expect(report.findings.map(\.code) == ["entity-limit"])
        #expect(report.findings.first?.message == "more than 50000 amounts and dates: only the first 50000 are reported")

        let few = try analyzer.analyze(InputDocument(path: "few.txt", bytes: Array(String(repeating: "1元，", count: 10).utf8)))
        #expect(few.findings.isEmpty)
    }
}
