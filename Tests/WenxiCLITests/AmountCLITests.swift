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

    /// Issue 11's "Must show": the seed's two budgets, their holders, and the TWD budget total.
    @Test func seedBudgetsHaveRolesHoldersAndATotal() throws {
        let r = try CLI.run(["analyze", "seeds/"])
        #expect(r.status == 0)
        let report = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let entities = try #require(report["entities"] as? [[String: Any]])
        let money = entities.filter { $0["type"] as? String == "money" }.map {
            [$0["text"] as? String, $0["role"] as? String, ($0["holder"] as? [String: Any])?["canonical"] as? String]
        }
        #expect(money == [["新台幣4500萬", "budget", "桃園市政府"], ["低於1000萬", "budget", "桃園市政府資訊科技局"]])
        let summary = try #require(report["summary"] as? [String: Any])
        let byRole = try #require(summary["money_by_role"] as? [String: [String: Int]])
        #expect(byRole["TWD"]?["budget"] == 55_000_000)
    }

    @Test(arguments: [
        ("提供总计 3000 亿元低成本资金。\n", "money", "value", "300000000000"),
        ("八十四年十一月十九日\n", "date", "date", "1995-11-19"),
        ("預算七、八百萬元。\n", "money", "range_to", "8000000"),
    ])
    func issueExamples(_ input: String, _ type: String, _ key: String, _ want: String) throws {
        let r = try CLI.run(["analyze", "-"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        let report = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let e = try #require((report["entities"] as? [[String: Any]])?.first { $0["type"] as? String == type })
        #expect(e[key].map { "\($0)" } == want)
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
