import Testing
@testable import WenxiCore
@testable import Wenxi

/// `Mention` keeps its rarely set String fields in a shared copy-on-write box and packs state
/// codes into an integer (issue 15: copies are cheap); it must still behave as a plain value.
@Suite("Tag: mention storage")
struct TagMentionStorageTests {
    @Test(arguments: [
        ("state code", "TW"),
        ("four letters", "intl"),
        ("eight letters", "ABCDEFGH"),
        ("too long to pack", "ABCDEFGHI"),
        ("not ASCII", "臺灣"),
        ("empty", ""),
    ])
    func jurisdictionRoundTrips(_ row: String, _ state: String) {
        var m = Mention(start: 0, end: 2, type: .agency, candidates: [3])
        #expect(m.jurisdiction == nil, "\(row)")
        m.jurisdiction = state
        #expect(m.jurisdiction == state, "\(row)")
        m.jurisdiction = "US"
        #expect(m.jurisdiction == "US", "\(row): a packed code replaces a boxed one")
        m.jurisdiction = state
        m.jurisdiction = nil
        #expect(m.jurisdiction == nil, "\(row)")
    }

    @Test func copiesDoNotShareWrites() {
        var a = Mention(start: 1, end: 4, type: .organization, candidates: [], rule: "org-unlisted", canonical: "甲乙丙")
        a.parentName = "上級機關"
        a.jurisdiction = "Not-packable"
        var b = a
        b.rule = "other"
        b.canonical = nil
        b.parentName = nil
        b.jurisdiction = "CN"
        #expect(a.rule == "org-unlisted")
        #expect(a.canonical == "甲乙丙")
        #expect(a.parentName == "上級機關")
        #expect(a.jurisdiction == "Not-packable")
        #expect(b.rule == "other" && b.canonical == nil && b.parentName == nil && b.jurisdiction == "CN")
        let c = b
        b.rule = nil
        #expect(c.rule == "other")
        #expect(b.rule == nil)
    }

    @Test(arguments: [("TW", true), ("intl", true), ("ABCDEFGH", true), ("ABCDEFGHI", false), ("", false), ("臺", false)])
    func packsOnlyShortASCII(_ s: String, _ packs: Bool) {
        let code = Mention.pack(s)
        #expect((code != nil) == packs, "\(s)")
        if let code { #expect(Mention.unpack(code) == s) }
    }
}
