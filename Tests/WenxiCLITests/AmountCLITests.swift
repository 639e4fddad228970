import Foundation
import Testing

@Suite("CLI amounts")
struct AmountCLITests {
    /// The README's first amounts example: the seed's money values add up to 55000000.
    @Test func seedMoneyAddsUp() throws {
        let r = try CLI.run(["analyze", "seeds/"])
        #expect(r.status == 0)
        let report = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let entities = try #require(report["entities"] as? [[String: Any]])
        let values = entities.filter { $0["type"] as? String == "money" }.compactMap { $0["value"] as? Int }
        #expect(values.reduce(0, +) == 55_000_000)
        let byline = try #require(report["byline"] as? [String: Any])
        #expect(byline["reporters"] as? [String] == ["葉臻"])
    }

    @Test func numbersReadsOneLineAtATime() throws {
        let r = try CLI.run(["numbers"], stdin: Data("一千兩百萬\n新台幣1兆5674億元\n".utf8))
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 2)
        #expect(lines[0]?["value"] as? Int == 12_000_000)
        let money = (lines[1]?["entities"] as? [[String: Any]])?.first
        #expect(money?["value"] as? Int == 1_567_400_000_000)
        #expect(money?["currency"] as? String == "TWD")
    }
}
