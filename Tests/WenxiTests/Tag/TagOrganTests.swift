import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// `OrganRules` (`rule:org-organ`, `rule:party-congress`, `rule:army`, `rule:org-unit`) with the
/// package's own dictionaries (their words are rows of `org-heads.tsv`) and ICU's segmentation.
@Suite("Tag: party organs, congresses, armies and units")
struct TagOrganTests {
    static let tagger = EntityTagger(lexicon: try! Lexicon(directory: TagFixtures.packageDictionaries))

    static func entities(_ text: String) throws -> [String] {
        try TagFixtures.tag(text, tagger: tagger).filter { $0.type != .date }.map { "\($0.type.rawValue):\($0.text)" }
    }

    /// One row per case: label, text, entities that must be there (`type:text`).
    @Test(arguments: [
        ("organ alone", "十五大以来，市委加强了党支部建设。", ["organization:市委", "organization:党支部"]),
        ("organ after a place", "长春市总工会和天津市妇联联合举办活动。", ["organization:长春市总工会", "organization:天津市妇联"]),
        ("nationwide organ", "全国妇联和全国工商联发出通知。", ["organization:全国妇联", "organization:全国工商联"]),
        ("party and province committee", "中共河北省委今天开会。", ["organization:中共河北省委"]),
        ("party congress", "十五大以来，各地加强建设。", ["organization:十五大"]),
        ("congress of a party", "，中共二十大报告指出。", ["organization:中共二十大"]),
        ("dynasty armies", "，湘軍與淮軍是清朝的地方武裝。", ["organization:湘軍", "organization:淮軍"]),
        ("Red Army", "，他参加了红军。", ["organization:红军"]),
        ("armies ICU knows by name", "，八路軍與新四軍在華北作戰。", ["organization:八路軍", "organization:新四軍"]),
        ("a named army after a verb", "他後來參加北伐軍。", ["organization:北伐軍"]),
        ("a kind of army after a place", "，美國遠征軍登陸。", ["organization:美國遠征軍"]),
        ("an unknown fleet name", "，南遣艦隊改編。", ["organization:南遣艦隊"]),
        ("a navy's fleet stays one body", "，美國海軍太平洋艦隊今天說。", ["agency:美國海軍太平洋艦隊"]),
        ("unit of an intergovernmental body", "欧盟委员会发表声明。", ["agency:欧盟委员会"]),
        ("organization and its institute", "北大国际关系学院教授说。", ["organization:北大国际关系学院"]),
        ("university press", "，广西师范大学出版社今天出版。", ["organization:广西师范大学出版社"]),
        ("club's team", "，皇家馬德里隊今天出賽。", ["organization:皇家馬德里隊"]),
        ("military commission", "，军委今天发布命令。", ["organization:军委"]),
        ("a named army holding a listed name", "，國民革命軍北伐時攻佔武漢。", ["organization:國民革命軍"]),
        ("a place, a descriptor and a body", "，加拿大地質調查局發表報告。", ["agency:加拿大地質調查局"]),
        ("a modifier before a party", "他加入聯邦自由黨。", ["organization:聯邦自由黨"]),
        ("a modifier before a listed body", "，國際足協主席說。", ["organization:國際足協"]),
        ("a place and a modifier before a body", "，美國聯邦最高法院今天判決。", ["agency:美國聯邦最高法院"]),
        ("a descriptor before a unit", "，香港大學籌備委員會成立。", ["organization:香港大學籌備委員會"]),
        ("a name cut at its inner head", "，歐洲航天航空防務集團宣布。", ["organization:歐洲航天航空防務集團"]),
        ("a university's department", "輔仁大學新聞傳播系教授今天說。", ["organization:輔仁大學新聞傳播系"]),
        ("a listed university's short form and a department", "，台大機械系與東吳大學會計系合作。", ["organization:台大機械系", "organization:東吳大學會計系"]),
        ("a graduate institute in Simplified text", "，厦门大学人文学院中文系教授说。", ["organization:厦门大学人文学院中文系"]),
        ("a party's caucus", "，自民黨黨團今天表示。", ["organization:自民黨黨團"]),
        ("a council's party caucus", "，台中市議會國民黨團今天表示。", ["organization:台中市議會國民黨團"]),
        ("a direction before a kind of army", "，南方方面軍與東部集團軍會合。", ["organization:南方方面軍", "organization:東部集團軍"]),
        ("allied armies by their members", "，英美聯軍與六國聯軍登陸。", ["organization:英美聯軍", "organization:六國聯軍"]),
        ("a state's army and its unit", "，英軍特遣艦隊與日軍第五師團都到了。", ["agency:英軍特遣艦隊"]),
        ("a place that cuts the body's word gives way", "，日本海軍與以色列國防軍演習。", ["agency:日本海軍", "agency:以色列國防軍"]),
        ("a numbered unit with a name", "，第一南遣艦隊與第38特遣艦隊出發。", ["organization:第一南遣艦隊", "organization:第38特遣艦隊"]),
        ("a numbered unit after a state", "，美國第7艦隊進入南海。", ["organization:美國第7艦隊"]),
        ("an army after a former state", "，應蘇聯紅軍要求撤離。", ["organization:蘇聯紅軍"]),
        ("bureaus named by two portfolios", "，分別是環境運輸及工務局、工商及科技局。", ["agency:環境運輸及工務局", "agency:工商及科技局"]),
        ("a bureau so named after its state", "，美國食品暨藥物管理局上月表示。", ["agency:美國食品暨藥物管理局"]),
        ("an empire's or a crown's body with no place", "，大批帝國陸軍與皇家海軍集結。", ["organization:帝國陸軍", "organization:皇家海軍"]),
        ("a police force's ceremonial unit", "，由香港警察儀仗隊執行。", ["organization:香港警察儀仗隊"]),
        ("an army named by a word", "，太平軍與清軍交戰。", ["organization:太平軍"]),
        ("an army named by one-character words after 的", "被段祺瑞的討逆軍所鎮壓。", ["organization:討逆軍"]),
        ("an army named by a word, with its place", "，敘利亞自由軍宣布。", ["organization:敘利亞自由軍"]),
        ("an allied army named by a word, with its place", "，四川靖國聯軍成立。", ["organization:四川靖國聯軍"]),
        ("a federation named by its scope", "比賽依照國際帆船總會頒布的規則。", ["organization:國際帆船總會"]),
        ("an association named by its scope and three words", "全美運動汽車競賽協會每年都舉辦比賽。", ["organization:全美運動汽車競賽協會"]),
        ("clubs named by their city in a sports text", "北京國安在主場擊敗上海申花。", ["organization:北京國安", "organization:上海申花"]),
        ("a place's bureau before a verb", "現在上海鐵路局管轄上海市。", ["agency:上海鐵路局"]),
        ("a place's bureau with a descriptor before a verb", "1939年，雲南省公路管理局成立。", ["agency:雲南省公路管理局"]),
        ("a committee named by its field after a left word", "這項計畫由文化資產審議委員會審查。", ["organization:文化資產審議委員會"]),
        ("a place, words and a committee ICU cuts in Simplified text", "，江苏省文物保护委员会今天说。", ["organization:江苏省文物保护委员会"]),
        ("an unlisted bureau under a listed intergovernmental body", "联合国开发计划署今天公布报告。", ["agency:联合国开发计划署"]),
        ("countries as their teams around a match verb", "決賽中，西班牙以2比1擊敗德國。", ["organization:西班牙", "organization:德國"]),
        ("two countries joined by 對 in a game", "那場友誼賽是法國對瑞典。", ["organization:法國", "organization:瑞典"]),
        ("a school named by an ICU word after 入", "1935年，他入育英中學讀書。", ["organization:育英中學"]),
        ("a school's name and its kind in quotes", "校名為「中華工業專科學校」。", ["organization:中華工業專科學校"]),
        ("an old-style school after a city", "他曾任蘇州學堂教習。", ["organization:蘇州學堂"]),
        ("an association of a trade named by its scope", "全國律師協會發表聲明。", ["organization:全國律師協會"]),
        ("a club's short name and 隊 in a sports text", "比赛中，飞龙队以2比3输给对手。", ["organization:飞龙队"]),
        ("a club's name ICU cuts into characters, and 隊", "联赛中，实力较弱的鑫辉队难以招架。", ["organization:鑫辉队"]),
        ("an army named by a word before an adverb", "，太平軍仍據守天京。", ["organization:太平軍"]),
        ("an army named by a transliterated word of three characters", "希臘火只是拜占庭軍所使用的武器。", ["organization:拜占庭軍"]),
        ("an army after a time word", "隔日討逆軍進入北京。", ["organization:討逆軍"]),
        ("a club after a title race's word, before an adverb", "衛冕冠軍上海申花既無新援。", ["organization:上海申花"]),
        ("a society named before its leader's title, with its place", "1786年，臺灣天地會首領林爽文起事。", ["organization:臺灣天地會"]),
        ("a society ICU cuts into characters after 任", "後來他還任東亞協進會常務理事。", ["organization:東亞協進會"]),
        ("a students' union after its university, Simplified", "香港大学学生会会长表示。", ["organization:香港大学学生会"]),
        ("a bureau before its chief's title, after a preposition", "評審建議書，經發展局局長接納。", ["agency:發展局"]),
        ("a place's bureau before its chief's title", "任命葉鴻績為上海電話局局長。", ["agency:上海電話局"]),
    ])
    func found(_ label: String, _ text: String, _ expected: [String]) throws {
        let got = try Self.entities(text)
        for e in expected { #expect(got.contains(e), "\(label): \(got)") }
    }

    /// One row per case: label, text, entities that must not be there.
    @Test(arguments: [
        ("top ten", "中國十大城市。", ["organization:十大"]),
        ("fifteen big cities", "，十五大城市都說。", ["organization:十五大"]),
        ("ordinal", "，第十五大道。", ["organization:十五大"]),
        ("organ-place word alone", "，人大常委會今天說。", ["organization:人大常委會"]),
        ("committee inside a word", "，城市委员会今天說。", ["organization:市委"]),
        ("army word", "，他獲得冠軍，湘軍援助。", ["organization:冠軍", "organization:湘軍"]),
        ("a kind of army alone", "，一個集團軍和兩個野戰軍。", ["organization:集團軍", "organization:野戰軍"]),
        ("a title or a verb with 軍", "，他是總冠軍，也是大將軍，率部進軍。", ["organization:總冠軍", "organization:大將軍"]),
        ("a state's body keeps its own state", "，教育部党组今天说。", ["agency:教育部党组"]),
        ("a listed name inside a longer word", "，國民革命軍北伐。", ["organization:民革"]),
        ("the body alone after a descriptor", "，加拿大地質調查局發表報告。", ["agency:調查局"]),
        ("a verb before a unit", "，香港大學成立委員會。", ["organization:香港大學成立委員會"]),
        ("a time word between a place and a body", "，台灣目前衛生局說。", ["agency:台灣目前衛生局"]),
        ("a verb before a body that names its state", "，中国威胁澳大利亚政府。", ["agency:中国威胁澳大利亚政府"]),
        ("a scope word between a place and a body", "，中國全國海關統計。", ["agency:中國全國海關"]),
        ("a verb before a body named by its state", "，美國譴責港府的決定。", ["agency:美國譴責港府"]),
        ("two words between a place and a body", "，伊朗媒體引述外交部說。", ["agency:伊朗媒體引述外交部"]),
        ("a quoted description is no body", "當年為培養「天下最惡的人」，說服他。", ["organization:天下最惡的人"]),
        ("a quoted clause is no body", "他說「趕快把我踢出國家隊」。", ["organization:趕快把我踢出國家隊", "agency:趕快把我踢出國家隊"]),
        ("the party alone before its caucus", "，自民黨黨團今天表示。", ["organization:自民黨"]),
        ("a kind of army after a count", "，兩個方面軍和一個集團軍。", ["organization:兩個方面軍", "organization:個方面軍", "organization:一個集團軍"]),
        ("allied armies of many states", "，多國聯軍與盟國聯軍進攻。", ["organization:多國聯軍", "organization:盟國聯軍"]),
        ("a state's ships and troops", "，美軍艦隊與美軍部隊撤出。", ["agency:美軍艦隊", "agency:美軍部隊"]),
        ("the Sea of Japan stays a place", "，船駛入日本海，軍方說。", ["agency:日本海軍"]),
        ("an army's troops are no unit", "，是美國陸軍現役裝甲部隊。", ["agency:美國陸軍現役裝甲部隊"]),
        ("a verb with 署 after a body is no unit", "，法国内政部长签署了紧急命令。", ["agency:法国内政部长签署", "organization:法国内政部长签署"]),
        ("a verb before a committee is no part of it", "，他將召集緊急委員會。", ["organization:召集緊急委員會"]),
        ("a venue before a match verb stays a place", "，球隊昨天在杜塞爾多夫戰勝捷克隊。", ["organization:杜塞爾多夫"]),
        ("a country's win outside a sports text", "，美國擊敗日本，結束戰爭。", ["organization:美國", "organization:日本"]),
        ("Taiwan's 國軍 cut from another army's name", "，周志仁隨護國軍赴四川，擊敗神聖羅馬帝國軍。", ["agency:國軍"]),
        ("kinds of school are no names", "，他進入寄宿學校，在職業學校任教。", ["organization:寄宿學校", "organization:職業學校"]),
        ("an adverb after a comma before 學校", "，當前學校正加快建設。", ["organization:當前學校"]),
        ("a pronoun or a kind before a school head", "，他在我們學校，入讀重點中學。", ["organization:我們學校", "organization:重點中學"]),
        ("a place and a kind of school", "他就讀於成都教會學校。", ["organization:教會學校", "organization:成都教會學校"]),
        ("kinds of team are no clubs", "在本赛季联赛中，对手队和青年队都输了。", ["organization:对手队", "organization:青年队"]),
        ("a verb after a conjunction, and a school head as the name", "，堅持和完善普通高等學校，在小學中學推動。", ["organization:完善普通高等學校", "organization:小學中學"]),
        ("隊 that makes a word with the character after it", "本賽季他在83個打數就揮出20支全壘打，締造隊史紀錄。", ["organization:締造隊"]),
        ("a short name and 隊 outside a sports text", "，他说飞龙队今天开会。", ["organization:飞龙队"]),
        ("a quantity or the pupils a school serves", "，很多小学停课，州立学校及智障儿童学校也停课。", ["organization:很多小学", "organization:州立学校", "organization:智障儿童学校"]),
        ("a person named …軍 before an adverb", "，王立軍仍在調查中。", ["organization:王立軍"]),
        ("a village's committee is a generic body", "村委会成员由选举产生。", ["organization:村委会"]),
        ("a committee of an agency is its unit, not a society", "，國會外委會主席說。", ["organization:外委會"]),
        ("a bureau's name that goes on before a conjunction", "上海市文化和旅遊局副局長表示。", ["agency:旅遊局", "agency:文化和旅遊局"]),
        ("a site named by a city and a word in a sports text", "總冠軍賽在屏東中信園區球場開打。", ["organization:屏東中信"]),
    ])
    func notFound(_ label: String, _ text: String, _ absent: [String]) throws {
        let got = try Self.entities(text)
        for e in absent { #expect(!got.contains(e), "\(label): \(got)") }
    }

    /// A bureau named by two portfolios that no list holds is not linked to Taiwan by the script
    /// alone (Taiwan's such bodies are listed); a place before it gives its state.
    @Test func conjoinedBureauState() throws {
        let alone = try TagFixtures.tag("，分別是環境運輸及工務局。", tagger: Self.tagger).first { $0.text == "環境運輸及工務局" }
        #expect(alone?.type == .agency)
        #expect(alone?.jurisdiction == nil)
        let placed = try TagFixtures.tag("，美國食品暨藥物管理局上月表示。", tagger: Self.tagger).first { $0.text == "美國食品暨藥物管理局" }
        #expect(placed?.jurisdiction == "US")
    }

    /// The words come from `org-heads.tsv`'s `rule` column.
    @Test func wordsComeFromTheRuleColumn() throws {
        let lex = Self.tagger.lexicon
        func has(_ heads: [[UInt32]], _ word: String) -> Bool {
            heads.contains(Array(lex.fold.fold(word).unicodeScalars.map(\.value)))
        }
        #expect(has(lex.organHeads, "市委"))
        #expect(has(lex.placeOrganHeads, "婦聯"))
        #expect(!has(lex.organHeads, "婦聯"))
        #expect(has(lex.orgUnitHeads, "委員會"))
        #expect(lex.armyPrefixes.contains(lex.fold.fold("湘").unicodeScalars.first!.value))
        #expect(!has(lex.unlistedNameHeads, "市委"))
        #expect(has(lex.bodyModifiers, "聯邦"))
        #expect(!has(lex.unlistedNameHeads, "聯邦"))
    }
}
