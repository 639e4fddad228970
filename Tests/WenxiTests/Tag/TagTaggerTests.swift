import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Tag: entity tagger")
struct TagTaggerTests {
    /// Each row: marked text (⟦entity⟧), then "type canonical" per marked span in order.
    @Test(arguments: [
        ("alias to canonical", "⟦國發會⟧與⟦國科會⟧開會", ["agency 國家發展委員會", "agency 國家科學及技術委員會"]),
        ("longest wins over nested place", "⟦桃園市政府⟧說", ["agency 桃園市政府"]),
        ("simplified text", "⟦国家发展委员会⟧", ["agency 國家發展委員會"]),
        ("台/臺 fold", "⟦台北市政府⟧", ["agency 臺北市政府"]),
        ("title cue then name: the place keeps its suffix", "⟦桃園市⟧長⟦張善政⟧今天出席", ["place 桃園市", "person 張善政"]),
        ("verb cue after name", "，⟦林佳龍⟧說", ["person 林佳龍"]),
        ("dateline: name stops at the place", "（⟦中央社⟧記者⟦葉臻⟧⟦桃園⟧19日電）", ["organization 中央通訊社", "person 葉臻", "place 桃園市"]),
        ("dateline: two reporters", "（⟦中央社⟧記者⟦王揚宇⟧、⟦楊堯茹⟧⟦臺北⟧20日電）", ["organization 中央通訊社", "person 王揚宇", "person 楊堯茹", "place 臺北市"]),
        ("credit line", "完。（編輯：⟦林恕暉⟧）", ["person 林恕暉"]),
        ("translator and checker", "（譯者：⟦陳昶翰⟧／核稿：⟦王嘉語⟧）", ["person 陳昶翰", "person 王嘉語"]),
        ("name found again elsewhere", "市長⟦張善政⟧今天出席。⟦張善政⟧下午主持會議", ["person 張善政", "person 張善政"]),
        ("compound surname", "記者⟦歐陽明⟧報導", ["person 歐陽明"]),
        ("quoted new body, then unquoted", "成立「⟦智慧城鄉發展委員會⟧」，⟦智慧城鄉發展委員會⟧將", ["agency 智慧城鄉發展委員會", "agency 智慧城鄉發展委員會"]),
        ("dictionary person", "總統⟦蔡英文⟧出席", ["person 蔡英文"]),
    ])
    func tags(_ name: String, _ marked: String, _ expected: [String]) throws {
        let m = MarkedText(marked)
        let ents = try TagFixtures.tag(m.text)
        #expect(ents.map { Span(start: $0.start, end: $0.end) } == m.spans, "\(name): \(ents.map(\.text))")
        #expect(ents.map { "\($0.type) \($0.canonical ?? "?")" } == expected, "\(name)")
    }

    @Test(arguments: [
        ("surname + common word after a verb cue", "，官員說"),
        ("verb cue without a boundary before", "該公司說"),
        ("title cue followed by a function word", "記者會上說"),
        ("surname alone", "王說"),
    ])
    func noFalsePerson(_ name: String, _ text: String) throws {
        #expect(try TagFixtures.tag(text).filter { $0.type == .person }.isEmpty, "\(name)")
    }

    @Test("rule findings say which rule found them; dictionary findings cite file:line")
    func sources() throws {
        let ents = try TagFixtures.tag("（中央社記者葉臻桃園19日電）葉臻出席。（編輯：林恕暉）")
        let bySource = Dictionary(grouping: ents, by: \.text).mapValues { $0.map(\.source) }
        #expect(bySource["葉臻"] == ["rule:person-credit:cue.dateline", "rule:person-verb:cue.attend"])
        #expect(bySource["林恕暉"] == ["rule:person-credit:cue.editor"])
        #expect(bySource["中央社"] == ["Dictionaries/organizations.tsv:4"])
        let again = try TagFixtures.tag("記者葉臻報導。葉臻拍攝")
        #expect(again.map(\.source) == ["rule:person-title:cue.reporter", "rule:person-repeat"])
    }

    @Test("agencies carry id, parent and level")
    func agencyFields() throws {
        let e = try #require(try TagFixtures.tag("國發會").first)
        #expect(e.id == "agency:tw.ey.ndc" && e.parent == "行政院" && e.level == "central")
    }
}

@Suite("Tag: context")
struct TagContextTests {
    @Test(arguments: [
        ("city from an unambiguous agency", "桃市府表示，市府將整合資科局", "市府", "桃園市政府"),
        ("city from a place", "桃園的發展，市府說", "市府", "桃園市政府"),
        ("bureau from its city", "臺北市政府今天說，研考會將", "研考會", "臺北市政府研究發展考核委員會"),
        ("dateline outweighs one other mention", "（中央社記者葉臻桃園19日電）北市府與市府", "市府", "桃園市政府"),
        ("local office named after the city", "桃園市審計處指出，資科局預算", "資科局", "桃園市政府資訊科技局"),
    ])
    func resolves(_ name: String, _ text: String, _ surface: String, _ canonical: String) throws {
        let e = try #require(try TagFixtures.tag(text).first { $0.text == surface })
        #expect(e.canonical == canonical && e.ambiguous == nil, "\(name)")
        #expect(e.id != nil)
    }

    @Test("the title is context too")
    func title() throws {
        let e = try #require(try TagFixtures.tag("市府今天說", title: "桃市府拚數位治理").first)
        #expect(e.canonical == "桃園市政府")
    }

    @Test("nothing decides: ambiguous with every candidate")
    func ambiguous() throws {
        let e = try #require(try TagFixtures.tag("市府今天說").first)
        #expect(e.ambiguous == true && e.canonical == nil && e.id == nil)
        #expect(e.candidates == ["桃園市政府", "臺北市政府", "新竹市政府"])
    }

    @Test("a tie is ambiguous")
    func tie() throws {
        let e = try #require(try TagFixtures.tag("桃市府與北市府，市府").last)
        #expect(e.text == "市府" && e.ambiguous == true)
    }
}

@Suite("Tag: token alignment")
struct TagTokenAlignerTests {
    static func tokens(_ cut: String) -> (TextBuffer, [TokenSpan]) {
        // Tokens written with | between them.
        let parts = cut.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let buffer = TextBuffer(parts.joined())
        var out: [TokenSpan] = []
        var at = 0
        for p in parts {
            let n = p.unicodeScalars.count
            out.append(TokenSpan(start: at, end: at + n, kind: .word))
            at += n
        }
        return (buffer, out)
    }

    @Test(arguments: [
        ("split name merged", "市長|張|善政|今天", "市長⟦張善政⟧今天", "市長|張善政*|今天"),
        ("token crossing an entity edge split", "資科|局的", "⟦資科局⟧的", "資科局*|的*"),
        ("token holding two entities", "國發會國科會", "⟦國發會⟧⟦國科會⟧", "國發會*|國科會*"),
        ("exact token untouched", "中央社|記者", "⟦中央社⟧記者", "中央社|記者"),
        ("entity inside a long token", "記者葉臻桃園", "記者⟦葉臻⟧⟦桃園⟧", "記者*|葉臻*|桃園*"),
        ("no entities", "今天|下雨", "今天下雨", "今天|下雨"),
    ])
    func align(_ name: String, _ cut: String, _ marked: String, _ expected: String) {
        let (buffer, toks) = Self.tokens(cut)
        let m = MarkedText(marked)
        let ents = m.spans.map { Entity(type: .person, text: "", start: $0.start, end: $0.end, source: "") }
        let out = TokenAligner.align(toks, to: ents)
        let texts = out.map { buffer.substring($0.start, $0.end) }
        #expect(zip(texts, out).map { $0 + ($1.entity ? "*" : "") }.joined(separator: "|") == expected, "\(name)")
        // Tokens tile the text.
        #expect(texts.joined() == buffer.string)
        for e in ents { #expect(out.contains { $0.start == e.start && $0.end == e.end }) }
    }
}

@Suite("Tag: summary")
struct TagSummaryTests {
    @Test("distinct entities per type in order of first occurrence, with counts, forms and first sentence")
    func summary() {
        func e(_ type: EntityType, _ text: String, _ canonical: String?, _ id: String?, _ start: Int, _ sentence: Int) -> Entity {
            var x = Entity(type: type, text: text, start: start, end: start + 1, sentence: sentence, source: "")
            x.canonical = canonical; x.id = id
            return x
        }
        let s = EntitySummarizer.summarize([
            e(.agency, "市府", "桃園市政府", "agency:tw.tyc", 9, 2),
            e(.agency, "桃市府", "桃園市政府", "agency:tw.tyc", 0, 0),
            e(.agency, "國發會", "國家發展委員會", "agency:tw.ey.ndc", 5, 1),
            e(.person, "張善政", "張善政", nil, 3, 0),
            e(.person, "張善政", "張善政", nil, 7, 1),
            e(.money, "4500萬", nil, nil, 8, 1),
        ])
        #expect(s.keys.sorted() == ["agency", "person"])
        #expect(s["agency"]!.map(\.canonical) == ["桃園市政府", "國家發展委員會"])
        #expect(s["agency"]![0].mentions == 2 && s["agency"]![0].forms == ["桃市府", "市府"] && s["agency"]![0].firstSentence == 0)
        #expect(s["person"]![0].mentions == 2 && s["person"]![0].id == nil)
    }
}

@Suite("Tag: rules on dictionary names")
struct TagRuleTests {
    @Test(arguments: [
        ("place takes 市", "⟦廣州市⟧的房價", ["place 廣州"]),
        ("but not before a title", "⟦廣州⟧市長說", ["place 廣州"]),
        ("nor into a word", "⟦廣州⟧市場", ["place 廣州"]),
        ("company suffix", "⟦穩懋半導體公司⟧宣布", ["organization 穩懋半導體"]),
        ("full company name", "⟦穩懋半導體股份有限公司⟧宣布", ["organization 穩懋半導體"]),
        ("university department", "⟦國立交通大學傳播與科技學系⟧教授", ["organization 國立交通大學"]),
        ("bracketed Latin original", "⟦世界衛生組織⟧（WHO）說", ["agency 世界衛生組織"]),
        ("a Latin name after Han text no list names is kept (the only mention of the body)", "⟦世界衛生組織⟧與夥伴國（⟦WHO⟧）說", ["agency 世界衛生組織", "agency 世界衛生組織"]),
        ("Latin alias alone is kept", "⟦WHO⟧說", ["agency 世界衛生組織"]),
        ("foreign name with its original", "國務院發言人⟦歐塔加斯⟧（Morgan Ortagus）表示", ["person 歐塔加斯"]),
        ("weak surname with cues on both sides", "市長⟦連勝文⟧說", ["person 連勝文"]),
        ("plain owner is the default", "⟦國防部⟧表示", ["agency 國防部"]),
        ("place inside a disease name", "武漢肺炎疫情", []),
        ("road", "⟦內湖路1段⟧車禍", ["place 內湖路1段"]),
        ("country prefix picks its own ministry", "⟦中國外交部⟧說", ["agency 中華人民共和國外交部"]),
        ("bare ministry stays Taiwan's", "⟦外交部⟧說", ["agency 外交部"]),
        ("place prefix joins an agency", "⟦臺灣央行⟧宣布", ["agency 中央銀行"]),
        ("body no list holds after a place", "⟦臺北市城發委員會⟧說", ["agency 臺北市城發委員會"]),
        ("generic tail is not a body", "⟦北京⟧當局說", ["place 北京"]),
        ("context overrides the default", "⟦美國政府⟧說，⟦國防部⟧表示，⟦美國國防部⟧", ["agency 美國政府", "agency 美國國防部", "agency 美國國防部"]),
    ])
    func rules(_ name: String, _ marked: String, _ expected: [String]) throws {
        let m = MarkedText(marked)
        let relevant = try TagFixtures.tag(m.text)
        #expect(relevant.map { Span(start: $0.start, end: $0.end) } == m.spans, "\(name): \(relevant.map(\.text))")
        #expect(relevant.map { "\($0.type) \($0.canonical ?? "?")" } == expected, "\(name)")
    }

    @Test(arguments: [
        ("weak surname, cue on one side only", "，連霸議員"),
        ("weak surname after a title, no verb", "律師常面臨"),
        ("cue inside a longer word", "代理商爆發"),
    ])
    func weak(_ name: String, _ text: String) throws {
        #expect(try TagFixtures.tag(text).filter { $0.type == .person }.isEmpty, "\(name)")
    }
}
