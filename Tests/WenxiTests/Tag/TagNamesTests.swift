import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// People no list holds (issue 9): the name model, boundaries, title references, canonical
/// folding and staff, with the package's own dictionaries (the name tables are among them).
@Suite("Tag: names")
struct TagNamesTests {
    static let tagger = EntityTagger(lexicon: try! Lexicon(directory: TagFixtures.packageDictionaries))

    static func people(_ text: String, date: String? = nil) throws -> [Entity] {
        let buffer = TextBuffer(text)
        let tokens = try Segmenter().tokenSpans(buffer)
        return tagger.tag(TaggingContext(text: buffer, sentences: [Span(start: 0, end: buffer.count)], tokens: tokens,
                                         meta: Meta(date: date))).filter { $0.type == .person }
    }

    // Boundaries: no fixed-length grabs.
    @Test(arguments: [
        ("byline run", "记者李蕾张羽飞报道，", ["李蕾", "张羽飞"], ["李蕾张"]),
        ("name before a word", "张瑜首次出场。", ["张瑜"], ["张瑜首"]),
        ("particle word before", "对于张先生表示感谢。", [], ["于张"]),
        ("three characters", "，张万年说，", ["张万年"], []),
    ])
    func boundaries(_ label: String, _ text: String, _ want: [String], _ never: [String]) throws {
        let got = try Self.people(text).map(\.text)
        for w in want { #expect(got.contains(w), "\(label): \(got)") }
        for n in never { #expect(!got.contains(n), "\(label): \(got)") }
    }

    // PRC newswire cues (person-cues-cn.tsv): the 记者…报道 byline ends the name, PRC titles and 同志.
    @Test(arguments: [
        ("byline close", "本报讯记者陈鹏报道：中国兰州", ["陈鹏"], ["陈鹏报"]),
        ("comrade", "大革命失败后，项英同志积极贯彻党中央的指示", ["项英"], []),
        ("NPC vice-chair", "全国人大常委会副委员长田纪云说", ["田纪云"], ["长田纪"]),
        ("role before", "青年歌唱家廖昌永专场音乐会", ["廖昌永"], []),
        ("team member", "中国队队员杨力在同阿根廷队的比赛之后说", ["杨力"], []),
        // After a title the model settles the length (titleOne) and refuses common words (titleFloor).
        ("one given character before a word", "申花队14号队员申思利用一个角球机会", ["申思"], ["申思利"]),
        ("name fused with the next word", "文化部长孙家正在会上说", ["孙家正"], ["孙家"]),
        ("surname and a word after a title", "科学家曾根据数学理论预言", [], ["曾根据"]),
        ("surname and an adverb after a role", "著名京剧艺术家曾先后赴津", [], ["曾先后"]),
        // A place or facility head ends a word, not a name; 姓 makes a form anonymised.
        ("place head", "我到石家庄市委办公厅接待处", [], ["石家庄"]),
        ("prize", "第55屆金鐘獎昨晚舉行頒獎典禮", [], ["金鐘獎"]),
        ("anonymised before 同志", "采访一名罗姓男同志，他说", [], ["罗姓男", "罗姓"]),
        // 周/週 + a day after a title is a day of the week, not a person (isWeekday).
        ("weekday after a title", "特朗普总统周五表示将签署法案。", [], ["周五"]),
        ("weekday and part of the day", "拜登总统周三晚间发表讲话。", [], ["周三晚", "周三"]),
        ("weekday in Traditional", "川普總統週日表示將簽署法案。", [], ["週日"]),
        ("a 周 name after a title stays", "国务院总理周一鸣表示", ["周一鸣"], []),
        // A surname and a term of address is no name (isAddressForm).
        ("term of address, Simplified", "王妈妈说，孩子们都回来了。", [], ["王妈妈"]),
        ("term of address, Traditional", "林媽媽表示，她每天都來。", [], ["林媽媽"]),
        ("teacher", "陳老師指出，學生很認真。", [], ["陳老師"]),
    ])
    func prcCues(_ label: String, _ text: String, _ want: [String], _ never: [String]) throws {
        let got = try Self.people(text).map(\.text)
        for w in want { #expect(got.contains(w), "\(label): \(got)") }
        for n in never { #expect(!got.contains(n), "\(label): \(got)") }
    }

    // Just under the threshold (`nearName`) and clause subjects (`clauseSubject`): taken when the
    // candidate stands as a word of its own, refused for words and names glued to a channel.
    @Test(arguments: [
        ("near the threshold, a clause break after", "叶光，是一名执法人员。", "叶光", true),
        ("a name glued to a channel", "已陸續下架浩鳴代理的Z頻道、龍祥電影台等頻道。", "龍祥", false),
        ("a three-character ICU word", "男子曲棍球：力争奖牌。", "曲棍球", false),
        ("a one-character given name under the longer name", "彭丽媛原是一名歌唱家。", "彭丽", false),
        ("transliteration opening a clause", "琼斯在比赛中大步流星。", "琼斯", true),
        ("transliteration opening a clause, another", "科恩在接受记者采访时表示支持。", "科恩", true),
        ("a two-character run that is one ICU word", "努力提高口头宣传。", "努力", false),
        ("a word of transliteration characters", "森林资源外，均未达标。", "森林", false),
        ("a name that goes on past a weak character", "腕表送给了他。科罗廖夫戴上那块表。", "科罗", false),
    ])
    func nearThresholdAndClauseSubjects(_ label: String, _ text: String, _ name: String, _ found: Bool) throws {
        let got = try Self.people(text).map(\.text)
        #expect(got.contains(name) == found, "\(label): \(got)")
    }

    // Cue rules read every surname table, take function characters in given names after a title,
    // and name the relative after a kinship word; the rows marked "never" are the false finds of
    // the first corpus run.
    @Test(arguments: [
        ("surname of name-surnames-cn.tsv after a title", "主席肖辉今天在会上讲话。", ["肖辉"], []),
        ("和 first in a given name after a title", "北京市文化局副局长张和平参加了会议。", ["张和平"], []),
        ("其 first in a given name after a title", "国务院副总理钱其琛今天会见客人。", ["钱其琛"], []),
        ("function character first before a verb", "钱其琛说，两岸要谈。", ["钱其琛"], []),
        ("之 last, a title after", "华裔作家侯仁之教授撰写。", ["侯仁之"], []),
        ("a word, not a given name", "局长王其实说得对。", [], ["王其实"]),
        ("曾 after a name is an adverb", "部長楊斌曾表示，", [], ["楊斌曾"]),
        ("及 after a name is a conjunction", "外長潘恩及夫人表示，", [], ["潘恩及"]),
        ("kinship word", "他的妻子曾碧雲表示感謝。", ["曾碧雲"], []),
        ("kinship word, Simplified", "58岁的大儿子李付存去山西打工。", ["李付存"], []),
        ("the first part of a dotted name", "歌手詹姆斯·布朗特表示，", [], ["詹姆斯"]),
        ("a model surname common in text", "香港民主派立法會議員初選在周六舉行", [], ["初選"]),
        ("a two-character word after a role", "作者简介：", [], ["简介"]),
        ("a given name the model refuses", "前妻宋小女表示，", [], ["宋小"]),
        ("a title inside a longer title", "韓國財政經濟部長官李揆成宣布，", ["李揆成"], ["官李揆"]),
    ])
    func cueNames(_ label: String, _ text: String, _ want: [String], _ never: [String]) throws {
        let got = try Self.people(text).map(\.text)
        for w in want { #expect(got.contains(w), "\(label): \(got)") }
        for n in never { #expect(!got.contains(n), "\(label): \(got)") }
    }

    // rule:name-list: items of a 、-list of people that the model alone finds too weak.
    @Test(arguments: [
        ("team list", "申花队的范志毅、吴承瑛、申思、朱琪、区楚良，大连万达队的徐弘", ["申思", "区楚良"], []),
        ("one-character given name", "邀请了朱自清、朱光潜、冯至、李广田主讲", ["冯至"], []),
        ("brands with one wrong person", "中国是家用电器大国，康佳、长虹、海尔、熊猫、先科等厂家", [], ["熊猫", "先科"]),
        ("places", "北京、上海、天津、重庆四个直辖市", [], ["天津"]),
    ])
    func nameLists(_ label: String, _ text: String, _ want: [String], _ never: [String]) throws {
        let found = try Self.people(text)
        let got = found.map(\.text)
        // The model's near-threshold band (`nearName`) may take an item before the list rule does.
        for w in want {
            #expect(found.contains { $0.text == w && ($0.source == "rule:name-list" || $0.source == "rule:name-model") }, "\(label): \(got)")
        }
        for n in never { #expect(!got.contains(n), "\(label): \(got)") }
    }

    // rule:name-pair: a name joined by 和/与 to a person already found, too weak for the model alone.
    @Test(arguments: [
        ("after 与, word edge", "女子比赛，李菊与王晨过去互有胜负，不分高下。", ["王晨"], ["王晨过"]),
        ("after 和", "除了贺璐敏获女子七十公斤级冠军，张慧晶和申旭还分获奖牌。", ["申旭"], []),
        ("no person beside", "王晨和张宁此前曾在尤杯决赛中出场。", [], []),
        ("not a name", "李菊和张望着远方。", [], ["张望"]),
    ])
    func namePairs(_ label: String, _ text: String, _ want: [String], _ never: [String]) throws {
        let found = try Self.people(text)
        let got = found.map(\.text)
        for w in want { #expect(found.contains { $0.text == w && $0.source == "rule:name-pair" }, "\(label): \(got)") }
        for n in never { #expect(!got.contains(n), "\(label): \(got)") }
        if want.isEmpty { #expect(!found.contains { $0.source == "rule:name-pair" }, "\(label): \(got)") }
    }

    // PRC newswire, names beside people found already: run together without punctuation
    // (rule:name-adjacent), transliterated items of a 、-list or a 和-pair, a transliteration cut
    // short by one weak character, and three single-character ICU tokens (`singles`).
    @Test(arguments: [
        ("run together", "江泽民李鹏朱镕基等在医院看望。", ["李鹏"], ["李鹏朱"]),
        ("a word before a name", "希望克林顿总统访华取得成功。", [], ["希望", "希望克林顿"]),
        ("transliterated list item", "队员中除阿尔比、佐戈、王莲香、张宁外都是新人。", ["佐戈"], []),
        ("transliterated pair", "守门员马尔科、卡洛斯·热尔马诺和迪达都入选了。", ["迪达"], []),
        ("weak character inside, left", "布热津斯基说，中国很稳定。", ["布热津斯基"], ["斯基"]),
        ("weak character inside, right", "斯卡尔法罗总统此次访问中国。", ["斯卡尔法罗"], ["斯卡尔"]),
        ("no bridge over a word", "是根據克拉克博士的構想而建立的。", ["克拉克"], ["根據克拉克"]),
        ("single-character tokens", "如今林国英的双眼视力已恢复。", ["林国英"], []),
        ("single characters run on", "单从排名上看，孙俊排第二。", [], ["孙俊排"]),
    ])
    func besideNames(_ label: String, _ text: String, _ want: [String], _ never: [String]) throws {
        let got = try Self.people(text).map(\.text)
        for w in want { #expect(got.contains(w), "\(label): \(got)") }
        for n in never { #expect(!got.contains(n), "\(label): \(got)") }
    }

    // The model finds names without any cue, and not common words after a surname.
    @Test(arguments: [
        ("newswire name", "国务院总理朱镕基和江泽民主席会见了代表团，陈锦华也参加了会见。", "陈锦华"),
        ("Traditional name", "，郭婉婷今年回到故鄉。", "郭婉婷"),
    ])
    func modelFindsName(_ label: String, _ text: String, _ name: String) throws {
        let found = try Self.people(text)
        #expect(found.contains { $0.text == name && $0.source.hasPrefix("rule:") }, "\(label): \(found.map(\.text))")
    }

    // PRC newswire: surnames the election names lack (name-surnames-cn.tsv) and the surname
    // weight tuned on People's Daily test (0.65).
    @Test(arguments: [
        ("PRC surname 卞", "那年，卞德培把自己写的科普文章寄给了他。", "卞德培"),
        ("PRC surname 肖", "几年来，肖海花进步很快。", "肖海花"),
        ("PRC surname 迟", "谈到两国关系时，迟浩田强调，中日发展睦邻友好", "迟浩田"),
        ("surname weight", "年富力强的周吉庆临危受命。", "周吉庆"),
        ("surname weight, sentence start", "王希平更注意引导教师。", "王希平"),
    ])
    func prcSurnamesAndWeights(_ label: String, _ text: String, _ name: String) throws {
        let found = try Self.people(text)
        #expect(found.contains { $0.text == name }, "\(label): \(found.map(\.text))")
    }

    // A surname + two characters ending in a facility head is a word; a surname + a title of
    // address (not-names.tsv, class title) is no name.
    @Test(arguments: [
        ("shop", "錢櫃林森店經理翁珮雯、副理張惠", "林森店"),
        ("doctor, Simplified", "李医生说，又是一个无眠之夜。", "李医生"),
    ])
    func wordsAndTitlesOfAddress(_ label: String, _ text: String, _ never: String) throws {
        let got = try Self.people(text).map(\.text)
        #expect(!got.contains(never), "\(label): \(got)")
    }

    @Test(arguments: ["房价上涨。", "双方举行谈判。", "郑重声明。", "高風險族群。", "王朝建立之後，", "常春藤盟校"])
    func commonWordsAreNoNames(_ text: String) throws {
        #expect(try Self.people(text).isEmpty, "\(text)")
    }

    // Transliterated and Japanese names.
    @Test(arguments: [
        ("dotted", "他見到了馬克·魯比歐。", "馬克·魯比歐"),
        ("dotted before a listed name", "他見到了唐納·川普。", "唐納·川普"),
        ("after a title", "美國國務院發言人比佛斯表示，", "比佛斯"),
        ("Japanese", "，加藤英次在會中致詞。", "加藤英次"),
    ])
    func foreignNames(_ label: String, _ text: String, _ name: String) throws {
        let got = try Self.people(text).map(\.text)
        #expect(got.contains(name), "\(label): \(got)")
    }

    // Dotted names with characters transliteration rarely uses, names in Latin letters, and
    // three-character names that ICU holds as one word.
    @Test(arguments: [
        ("rare characters before a break", "瑪麗·安托瓦內特在凡爾賽宮。", "瑪麗·安托瓦內特"),
        ("rare characters before a dot", "作家赫伯特·喬治·威爾斯出生。", "赫伯特·喬治·威爾斯"),
        ("Latin after a title", "蘋果執行長Tim Cook表示，", "Tim Cook"),
        ("Chinese before a Latin gloss", "由美國出版商霍爾特（Henry Holt）出版。", "霍爾特"),
        ("gloss: weak first character after a title", "英國衛生大臣漢考克（Matt Hancock）表示，", "漢考克"),
        ("gloss: weak first character, a surname", "彭斯幕僚長蕭特（Marc Short）的檢測結果呈陽性。", "蕭特"),
        ("gloss: weak first character after 的", "新人王的席格（Corey Seager）表現優異。", "席格"),
        ("gloss: weak middle character", "研究人員艾略特（Paul Elliott）說：", "艾略特"),
        ("full-width stop joining name parts", "去年退休的珍娜．柯斯威爾（Janet Cerswell）開車來。", "珍娜．柯斯威爾"),
        ("ICU word", "梁啟超與康有為都是維新派。", "梁啟超"),
    ])
    func newNameRules(_ label: String, _ text: String, _ name: String) throws {
        let got = try Self.people(text).map(\.text)
        #expect(got.contains(name), "\(label): \(got)")
    }

    // Later CNA articles: name dots CNA and PRC sites write, names cut by a place or a
    // conjunction, pen names, ranks, Japanese given names in 也, foreign names in lists, aliases.
    @Test(arguments: [
        ("small full stop as a name dot", "研究員凱倫﹒克洛普表示，", "凱倫﹒克洛普"),
        ("bullet as a name dot", "學者格雷厄姆•艾利森表示，", "格雷厄姆•艾利森"),
        ("a place as the given name after a title", "醫師陳南昌說，統計文獻發現。", "陳南昌"),
        ("和 ending a name before a list separator", "作曲家蔡德和、李泰祥都來了。", "蔡德和"),
        ("pen name between a role and a dated verb", "作家苓苓26日表示，", "苓苓"),
        ("rank after the name, pilot before it", "飛行員李冠甍上尉獲救後送醫。", "李冠甍"),
        ("Japanese given name ending in 也", "日本選手中村大也於2012年寫下紀錄。", "中村大也"),
        ("foreign name in a list beside a person", "加上皮德森、曼西雙雙開轟，", "曼西"),
        ("alias in brackets after a person", "市議員邱威傑（呱吉）表示，", "呱吉"),
        ("a given name transliteration uses after a surname", "養豬戶蔡德福指出，", "蔡德福"),
        ("a weak first part before a full-width stop", "80幾歲的派特．瓦倫蒂諾（Pat Valentino）說：", "派特．瓦倫蒂諾"),
        ("Korean given name starting with 在", "三星電子副會長李在鎔曾在今年5月表示，", "李在鎔"),
    ])
    func laterCNANames(_ label: String, _ text: String, _ name: String) throws {
        let got = try Self.people(text).map(\.text)
        #expect(got.contains(name), "\(label): \(got)")
    }

    @Test(arguments: [
        ("also after a Japanese name", "森山裕也留任幹事長。", "森山裕也"),
        ("a caption's position in brackets", "市長柯文哲（前左）出席。", "前左"),
        ("a note in brackets", "市議員邱威傑（化名）表示，", "化名"),
        ("a conjunction joining two names", "作曲家蔡德和李泰祥都來了。", "蔡德和"),
        ("a word between a title and a verb", "院長親自表示，", "親自"),
        ("the given name alone", "養豬戶蔡德福指出，", "德福"),
        ("a pool is no name", "電影院、劇院、健身房和游泳池必須關閉。", "游泳池"),
        ("a cast note in brackets", "劇中的市長柯文哲（陳琳飾）登場。", "陳琳飾"),
        ("a word and a character between a title and a verb", "接受中央社記者採訪時指出，", "採訪時"),
        ("a title after the span", "有醫生檢查出局長體內激素超標。", "檢查出"),
        ("no day between the role and the verb", "公司負責人受訪表示，", "受訪"),
        ("cities glossed in a list, one guessed person beside them", "疫情擴及巴黎（Paris）、南特（Nantes）、里爾（Lille）、盧恩（Rouen）等城市。", "里爾"),
    ])
    func laterCNANamesRefuse(_ label: String, _ text: String, _ never: String) throws {
        let got = try Self.people(text).map(\.text)
        #expect(!got.contains(never), "\(label): \(got)")
    }

    @Test(arguments: [
        ("a word after the dotted name", "約瑟夫·萊特兄弟的飛機。", "約瑟夫·萊特兄弟"),
        ("mixed case", "他使用iPhone拍照。", "iPhone"),
        ("place words", "他在La Silla Observatory工作。", "La Silla Observatory"),
        ("Latin gloss of a name", "指揮家瓦德·丹路殊（Walter Damrosch）指揮演出。", "Walter Damrosch"),
        ("gloss: no tail of the name", "英國衛生大臣漢考克（Matt Hancock）表示，", "考克"),
        ("gloss: no word before the name", "其中伍德（Alex Wood）投2局。", "中伍德"),
        ("a classifier after a numeral", "中天則提9項理由反駁，", "項理由"),
        ("a classifier after a numeral, before a verb", "公司法第173條第4項中所說的「不能召集」", "項中所"),
    ])
    func newNameRulesRefuse(_ label: String, _ text: String, _ never: String) throws {
        let got = try Self.people(text).map(\.text)
        #expect(!got.contains(never), "\(label): \(got)")
    }

    @Test(arguments: ["他們搬到弗吉尼亞居住。", "，維吾爾人團體表示，", "維吾爾族的文化"])
    func placeOrGroupIsNoName(_ text: String) throws {
        #expect(try Self.people(text).isEmpty, "\(text)")
    }

    // Title references.
    @Test(arguments: [
        ("named in the document", "蔡英文總統說，蔡總統回應了。", "蔡總統", "蔡英文" as String?),
        ("former president from people.tsv", "向李前總統家屬表達關心。", "李前總統", "李登輝"),
        ("vice president by note", "賴副總統歡迎他。", "賴副總統", "賴清德"),
        ("no holder", "黃副總統歡迎他。", "黃副總統", nil),
    ])
    func titleReferences(_ label: String, _ text: String, _ form: String, _ canonical: String?) throws {
        let found = try Self.people(text)
        #expect(!found.contains { ["賴副", "李前", "蔡總", "黃副"].contains($0.text) }, "\(label)")
        let ref = found.first { $0.text == form }
        #expect(ref?.canonical == canonical, "\(label): \(found.map { [$0.text, $0.canonical ?? ""] })")
        if canonical != nil {
            #expect(ref?.source == "rule:title-reference")
            #expect(ref?.id != nil)
        }
    }

    @Test(arguments: [
        ("mayor by note, no date", "柯市長今天說，", nil as String?, "柯文哲" as String?),
        ("mayor by note, date in office", "柯市長今天說，", "2020-05-01", "柯文哲"),
        ("mayor by note, date after office", "柯市長今天說，", "2024-05-01", nil),
        ("several ministers", "陳部長表示，", nil, nil),
    ])
    func officeHolders(_ label: String, _ text: String, _ date: String?, _ canonical: String?) throws {
        let found = try Self.people(text, date: date)
        #expect(found.first?.canonical == canonical, "\(label): \(found.map { [$0.text, $0.canonical ?? ""] })")
        #expect(!found.contains { $0.text.unicodeScalars.count == 2 }, "\(label)")
    }

    @Test func officeHolderNeedsFittingDate() {
        #expect(TitleReferences.fits("President of the ROC 2016–2024", 2020))
        #expect(!TitleReferences.fits("President of the ROC 2016–2024", 2025))
        #expect(TitleReferences.fits("President 2024–; Vice President 2020–2024", 2026))
        #expect(TitleReferences.fits("no years", 1999))
    }

    @Test(arguments: ["王姓男子表示，", "陳姓婦人說，", "李女表示，"])
    func anonymisedFormsAreNoPeople(_ text: String) throws {
        #expect(try Self.people(text).isEmpty, "\(text)")
    }

    // One canonical per person: character-level fold.
    @Test(arguments: [("张展", "張展"), ("耿潇男", "耿瀟男"), ("周杰", "周杰"), ("范文", "范文")])
    func canonicalFold(_ written: String, _ canonical: String) {
        let lex = Self.tagger.lexicon
        #expect(lex.names.canonicalName(written, fold: lex.fold) == canonical)
    }

    // Staff of bylines and credit lines.
    @Test func staffRole() throws {
        let text = "（中央社記者葉臻桃園19日電）桃園市長張善政今天表示，將推動新政策。（編輯：林恕暉）1141019"
        let found = try Self.people(text)
        #expect(Set(found.filter { $0.role == .staff }.map(\.text)) == ["葉臻", "林恕暉"])
        #expect(found.first { $0.text == "張善政" }?.role == nil)
        let summary = EntitySummarizer.summarize(found)
        #expect(summary["person"]?.map(\.canonical) == ["張善政"])
        #expect(Set(summary["staff"]?.map(\.canonical) ?? []) == ["葉臻", "林恕暉"])
    }

    /// `NameModel.scan`: each list holds the positions that a test of each character (and, for
    /// the surname starts, its owner; for the known names' starts, the pair filter) finds, over
    /// every BMP character, an astral one and texts of names in both scripts with owned
    /// characters; no known name (of two characters too) nor Japanese surname of the tables is
    /// left out of their starts.
    @Test(arguments: [
        "山本五郎與張三、李四·王五在Tokyo見面，阿諾·史瓦辛格說𠀀诸葛亮",
        "记者李蕾张羽飞报道、田中角榮與司馬遷·A",
        "韓信與杨树、高峰談秦始皇和唐玄宗",
        "·、A",
        "",
    ])
    func scanLists(_ text: String) {
        let lexicon = Self.tagger.lexicon
        let model = lexicon.names, known = lexicon.knownNames
        #expect(!known.isEmpty && known.marks16.count == 0x10000)
        var texts = [text.unicodeScalars.map(\.value)]
        if text.isEmpty { texts.append(Array(0x20..<0xD800) + Array(0xE000..<0x10000) + [0x20000, 0x4E00]) }
        for f in texts {
            // Every third character owned by a mention: the surname starts skip those only.
            let owner = f.indices.map { Int32($0 % 3 == 1 ? 0 : -1) }
            let scan = model.scan(f, owner, marks: known.marks16, knownPairs: known.startPairs)
            let bmp = f.indices.filter { f[$0] < 0x10000 }
            let bit = { (set: [UInt64], c: UInt32) in set[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 }
            #expect(scan.chinese == bmp.filter { owner[$0] < 0 && bit(model.surnameStart, f[$0]) })
            #expect(scan.translit == bmp.filter { model.mayTranslit(f[$0]) })
            #expect(scan.known == bmp.filter { i in
                known.startChars.contains(f[i]) && i + 1 < f.count && f[i + 1] < 0x10000
                    && bit(known.startPairs, UInt32(KnownNames.pairBit(f[i], f[i + 1])))
            })
            #expect(scan.upper == f.indices.filter { f[$0] >= 0x41 && f[$0] <= 0x5A })
            #expect(scan.dots == f.indices.filter { f[$0] == 0xB7 })
            #expect(scan.listSeps == f.indices.filter { f[$0] == 0x3001 })
            // A known name of any length (two characters through `holdsPair`) starts at a known start.
            let knownStarts = Set(scan.known)
            let free = [Int32](repeating: -1, count: f.count)
            for i in f.indices where known.holdsPair(f, at: i, model: model)
                || known.longest(f, free, at: i, model: model, ends: { _ in true }) != nil {
                #expect(knownStarts.contains(i), "\(i)")
            }
            let japanese = Set(scan.japanese)
            for i in f.indices where owner[i] < 0 {
                for len in 2...3 where i + len <= f.count && model.japaneseSurnames.contains(packedScalars(f, i, i + len)) {
                    #expect(japanese.contains(i), "\(i)")
                }
            }
        }
    }

    /// The name finder's quick tests before its calls (twelfth session): `finderBits` is the
    /// hand-written sets' bits for every character; `mayStartCompound` lets through every start
    /// of a compound surname of the table (as keyed, and in texts of both scripts);
    /// `mayEndBefore` and `mayCue` every place where `endsBefore` and `cue` find encyclopedic
    /// context.
    @Test(arguments: [
        "歐陽修與欧阳修、司马迁、諸葛亮和诸葛亮，上官婉兒",
        "韓信之子病逝（1900年），演員劉德華飾演皇帝李世民",
        "",
    ])
    func quickTests(_ text: String) {
        let model = Self.tagger.lexicon.names
        let enc = Self.tagger.lexicon.encyclopedic
        var texts = [text.unicodeScalars.map(\.value)]
        if text.isEmpty {
            for c in UInt32(0)..<0x10000 {
                #expect(model.finderBits(c) == NameModel.finderBitsOfSets(c), "\(c)")
            }
            #expect(model.finderBits(0x20000) == 0)
            for c in UInt32(0)..<0x10000 where model.surname([c], 0, 1) != nil { #expect(model.maySurname(c), "\(c)") }
            var keyed = 0
            for k in model.surnames.keys where k >= 1 << 21 {
                let f = [UInt32(k >> 21), UInt32(k & 0x1FFFFF)]
                #expect(model.surname(f, 0, 2) != nil && model.mayStartCompound(f, 0), "\(f)")
                keyed += 1
            }
            #expect(keyed > 10)
            for w in enc.before { texts.append(w + [0x738B, 0x4E00]) }
            for w in enc.after { texts.append([0x738B, 0x4E00] + w) }
        }
        for f in texts {
            for i in f.indices where model.surname(f, i, 2) != nil { #expect(model.mayStartCompound(f, i), "\(i)") }
            for i in 0...f.count {
                if enc.endsBefore(f, i) { #expect(enc.mayEndBefore(f, i), "\(f) \(i)") }
                for before in [false, true] where enc.cue(f, i, before: before) {
                    #expect(enc.mayCue(f, i, before: before), "\(f) \(i)")
                }
            }
        }
    }

    // The tables load and pass the checker.
    @Test func tablesLoad() throws {
        let names = Self.tagger.lexicon.names
        #expect(!names.isEmpty)
        #expect(names.surname([0x9673], 0, 1) != nil) // 陳
        #expect(names.nameChar(0x5F20) == 0x5F35) // 张 -> 張
        #expect(names.nameChar(0x5468) == 0x5468) // 周 stays
    }

    @Test func checkerRejectsBadRows() {
        let text = """
        # kind: name-char
        # source: test
        id\tchar\tsimplified\tsingle\tfirst\tsecond\tjapanese\ttext
        nch.a\t張張\t\t1\t1\t1\t0\t5
        nch.b\t羽\t\tx\t1\t1\t0\t5
        """
        let f = DictionaryFile.parse(text, name: "t.tsv")
        let problems = NameModel.problems(f.entries)
        #expect(problems.count == 2)
    }
}
