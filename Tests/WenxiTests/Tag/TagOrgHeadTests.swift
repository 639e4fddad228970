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

    @Test func unlistedBankIsStillFound() throws {
        #expect(try Self.organizations("，和泰興銀行今天宣布調降利率。") == ["泰興銀行"])
    }
}
