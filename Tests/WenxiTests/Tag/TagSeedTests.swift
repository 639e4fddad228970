import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// The issue's "must show" list, on the seed article with the package's own dictionaries.
@Suite("Tag: seed article")
struct TagSeedTests {
    static let seed = TagFixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds/000_4178ea0d03230c78.txt")

    static let report: Report = {
        let lexicon = try! Lexicon(directory: TagFixtures.packageDictionaries)
        let analyzer = try! Analyzer(resources: Resources(tagger: EntityTagger(lexicon: lexicon)),
                                     options: AnalyzeOptions(includeTokens: true))
        let bytes = [UInt8](FileManager.default.contents(atPath: seed.path)!)
        return try! analyzer.analyze(InputDocument(path: seed.path, bytes: bytes))
    }()

    @Test(arguments: [
        (EntityType.person, "張善政", "張善政"), (.person, "葉臻", "葉臻"), (.person, "林恕暉", "林恕暉"),
        (.agency, "桃園市政府", "桃園市政府"), (.agency, "桃市府", "桃園市政府"), (.agency, "市府", "桃園市政府"),
        (.agency, "資訊科技局", "桃園市政府資訊科技局"), (.agency, "資科局", "桃園市政府資訊科技局"),
        (.agency, "研究發展考核委員會", "桃園市政府研究發展考核委員會"), (.agency, "研考會", "桃園市政府研究發展考核委員會"),
        (.agency, "行政院", "行政院"), (.agency, "國發會", "國家發展委員會"), (.agency, "國科會", "國家科學及技術委員會"),
        (.organization, "中央社", "中央通訊社"), (.place, "桃園", "桃園市"),
    ])
    func mustShow(_ type: EntityType, _ surface: String, _ canonical: String) throws {
        let r = Self.report
        // 桃市府 is only in the headline: the body's own mentions and the headline's both count.
        let found = r.entities.filter { $0.text == surface }
        let inTitle = r.titleEntities.filter { $0.text == surface }
        try #require(!found.isEmpty || !inTitle.isEmpty, "\(surface) not tagged")
        for e in found + inTitle {
            #expect(e.type == type && e.canonical == canonical && e.ambiguous == nil, "\(surface) at \(e.start): \(e.type) \(e.canonical ?? "-")")
        }
        for e in found {
            // Every mention is exactly one token.
            #expect(r.tokens!.contains { $0.start == e.start && $0.end == e.end }, "\(surface) at \(e.start) is not one token")
        }
    }

    @Test("the new committee and the audit office are agencies, each one token")
    func bodies() throws {
        let r = Self.report
        for surface in ["智慧城鄉發展委員會", "桃園市審計處"] {
            let found = r.entities.filter { $0.text == surface }
            try #require(!found.isEmpty, "\(surface) not tagged")
            for e in found {
                #expect(e.type == .agency)
                #expect(r.tokens!.contains { $0.start == e.start && $0.end == e.end })
            }
        }
    }

    @Test("no token crosses an entity edge")
    func tokensRespectEntities() {
        let r = Self.report
        for e in r.entities {
            #expect(!r.tokens!.contains { $0.start < e.start && $0.end > e.start || $0.start < e.end && $0.end > e.end },
                    "a token crosses \(e.text) at \(e.start)")
        }
    }

    @Test("the summary groups 桃市府, 市府 and 桃園市政府 under one agency")
    func summary() throws {
        let tycg = try #require(Self.report.summary.entities["agency"]?.first { $0.canonical == "桃園市政府" })
        #expect(Set(tycg.forms).isSuperset(of: ["桃園市政府", "桃市府", "市府"]))
        #expect(tycg.mentions >= 5)
    }
}
