import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// `rule:org-head` with the package's own dictionaries (its head words come from them).
@Suite("Tag: organization head rule")
struct TagOrgHeadTests {
    static let tagger = EntityTagger(lexicon: try! Lexicon(directory: TagFixtures.packageDictionaries))

    static func organizations(_ text: String) throws -> [String] {
        try TagFixtures.tag(text, tagger: tagger).filter { $0.type == .organization }.map(\.text)
    }

    @Test(arguments: [
        ("quantifier", "大部分銀行今天宣布調降利率。"),
        ("partial", "，部分銀行表示觀望。"),
        ("ownership class", "，公股銀行不變。"),
        ("domestic", "，國內大學紛紛延後開學。"),
    ])
    func genericNounPhraseIsNoName(_ label: String, _ text: String) throws {
        #expect(try Self.organizations(text).isEmpty, "\(label)")
    }

    /// `left-word` rows of `org-heads.tsv`: a verb, adverb or conjunction before the head is no
    /// part of the name; the name starts after it.
    @Test(arguments: [
        ("conjunction", "而且醫院也來了。"),
        ("verb", "，通過電台播出。"),
        ("two verbs", "，規定成立銀行。"),
        ("Simplified demonstrative", "这里面有工会。"),
        ("Simplified adverb", "，这次大学生运动会开幕。"),
    ])
    func leftWordIsNoName(_ label: String, _ text: String) throws {
        let found = try Self.organizations(text)
        #expect(found.isEmpty, "\(label): \(found)")
    }

    @Test(arguments: [
        ("after a verb", "他後來成為滬江大學的校長。", "滬江大學"),
        ("after a place and a verb", "意大利可能成为货币联盟的成员。", "货币联盟"),
    ])
    func nameStartsAfterALeftWord(_ label: String, _ text: String, _ name: String) throws {
        #expect(try Self.organizations(text) == [name], "\(label)")
    }

    @Test func unlistedBankIsStillFound() throws {
        #expect(try Self.organizations("，和泰興銀行今天宣布調降利率。") == ["泰興銀行"])
    }
}
