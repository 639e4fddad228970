import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Jurisdiction of agencies, parent + unit compounds and word edges, with the package's own
/// dictionaries (the generic names, state words and foreign bodies come from them).
@Suite("Tag: jurisdiction, unit compounds, word edges")
struct TagJurisdictionTests {
    static let tagger = EntityTagger(lexicon: try! Lexicon(directory: TagFixtures.packageDictionaries))

    /// Tags `text` as the pipeline does: real sentence spans and ICU tokens.
    static func tag(_ text: String) throws -> [Entity] {
        let buffer = TextBuffer(text)
        let segmenter = try Segmenter()
        return tagger.tag(TaggingContext(text: buffer, sentences: try segmenter.sentenceSpans(buffer),
                                         tokens: try segmenter.tokenSpans(buffer), meta: Meta()))
    }

    static func agency(_ text: String, _ mention: String) throws -> Entity? {
        try tag(text).first { $0.type == .agency && $0.text == mention }
    }

    @Test(arguments: [
        // (text, mention, jurisdiction, source, canonical or "-" for none)
        ("港府今天宣布成立「内地核酸检测支援队」。", "内地核酸检测支援队", "HK", "context", "内地核酸检测支援队"),
        ("中国人民银行今天宣布降息。央行表示，财政部将发行国债5000亿元。", "中国人民银行", "CN", "name", "中國人民銀行"),
        ("中国人民银行今天宣布降息。央行表示，财政部将发行国债5000亿元。", "央行", "CN", "context", "中國人民銀行"),
        ("中国人民银行今天宣布降息。央行表示，财政部将发行国债5000亿元。", "财政部", "CN", "context", "中華人民共和國財政部"),
        ("（中央社華盛頓3日綜合外電報導）美國總統拜登今天說，財政部將發放紓困金。", "財政部", "US", "context", "美國財政部"),
        ("（中央社記者陳韻聿台北31日電）美國媒體指稱，外交部今天說，台灣對美國一向採取兩黨平衡交往原則。", "外交部", "TW", "dateline", "外交部"),
        ("（中央社華盛頓3日專電）國會今天通過法案。", "國會", "US", "context", "美國國會"),
        ("法國央行今天宣布維持利率不變。", "法國央行", "FR", "name", "法蘭西銀行"),
        ("比利時央行今天宣布維持利率不變。", "比利時央行", "BE", "prefix", "-"),
        ("美國的國會今天開議。", "國會", "US", "prefix", "美國國會"),
        ("中國駐柬埔寨大使館今天發表聲明。", "中國駐柬埔寨大使館", "CN", "prefix", "-"),
        ("香港警方今天拘捕3人。", "香港警方", "HK", "prefix", "-"),
        ("德國總理梅克爾今天說，經濟將復甦。該國央行預估成長率下滑。", "央行", "DE", "back-reference", "德國聯邦銀行"),
        ("财政部今天发布数据。", "财政部", "CN", "script", "中華人民共和國財政部"),
        ("財政部今天發布數據。", "財政部", "TW", "script", "財政部"),
        ("美國總統拜登今天說，衛生部將發放疫苗。", "衛生部", "US", "context", "美國衛生及公共服務部"),
        ("世界衛生組織今天說，疫情趨緩。", "世界衛生組織", "intl", "name", "世界衛生組織"),
        // A former state or dynasty is evidence: 清朝海陸軍 is no army of Taiwan's.
        ("目睹清朝海陆军的溃败，屈辱求和，割台湾，赔偿军费。", "陆军", "CN", "context", "-"),
        ("蘇聯時期的秘書處每月分配香菸，台灣也有報導。", "秘書處", "RU", "context", "-"),
        // A name that is only a `~alias` of Taiwan's bodies takes its state from the text.
        ("美国加州官员说，水务局每次清理都要花钱。", "水务局", "US", "context", "-"),
        ("（中央社記者吳睿騏桃園3日電）水務局今天說明防汛整備。", "水務局", "TW", "dateline", "桃園市政府水務局"),
        // A state word is one only at a word's start: 7日 is a day, 今日 a word.
        ("2 月 7 日国务院新闻发布会，新华社记者提问。", "国务院", "CN", "script", "中華人民共和國國務院"),
        ("美國財政部今天說，日財政部也將跟進。", "財政部", "JP", "prefix", "-"),
        // A unit of the body shortly before names its state (the Senate is a house of Congress).
        ("美國參議院23日通過國防授權法，國會意見建議美軍需具備拒絕中國控制台灣以及威脅台灣的能力。", "國會", "US", "context", "美國國會"),
        // The foreign press's dateline (华盛顿——): Taiwan named as a place is the story's topic.
        ("华盛顿——知情官员表示，政府正在推动军售。如果国会通过，这些武器将是对台湾规模最大的转移。", "国会", "US", "context", "美國國會"),
        // …but Taiwan's press names its own 外交部 so from anywhere.
        ("（中央社布魯塞爾28日專電）聯盟近期將台灣的高雄市列在其他國家之下。外交部聯繫駐外館處，要求聯盟依據台灣的文件予以更正。", "外交部", "TW", "context", "外交部"),
        // A listed body of another state right after a body is that body's unit.
        ("APEC秘書處26日宣布主辦國馬來西亞決定採視訊會議。", "APEC秘書處", "intl", "name", "亞太經濟合作會議秘書處"),
        ("74%化学品被欧盟环境局认为对人体健康有害。", "欧盟环境局", "intl", "name", "歐洲聯盟環境局"),
        // A PRC province's or city's 政府 is its own, never another city's the document names.
        ("武汉市卫健委作了通报。广东政府说，疫情是在广东发生的。", "广东政府", "CN", "prefix", "廣東省人民政府"),
        ("武汉市卫健委作了通报。深圳政府说，疫情是在广东发生的。", "深圳政府", "CN", "prefix", "-"),
        // 北京政府 is the PRC's government in the press, not the city's (北京市政府).
        ("（中央社台北3日電）北京政府今天宣布新措施。", "北京政府", "CN", "name", "中華人民共和國政府"),
        // The press's short forms of a consulate, after [sender]駐[host].
        ("美方关闭中国驻休斯敦总领馆。", "中国驻休斯敦总领馆", "CN", "prefix", "中華人民共和國駐休斯敦總領事館"),
        // X在 is where X acts, not whose body follows (台湾在国会 = Taiwan in the US Congress).
        ("日本的國會今天開議。", "國會", "JP", "prefix", "日本國會"),
        // 警局 is the short form of 警察局, as the lists write it.
        ("洛杉磯警局今天說，示威者聚集。", "洛杉磯警局", "US", "prefix", "洛杉磯警察局"),
    ])
    func jurisdictionByEvidence(_ text: String, _ mention: String, _ jurisdiction: String, _ source: String, _ canonical: String) throws {
        let e = try #require(try Self.agency(text, mention), "\(mention) in \(text)")
        #expect(e.jurisdiction == jurisdiction, "\(mention) in \(text)")
        #expect(e.jurisdictionSource?.rawValue == source, "\(mention) in \(text)")
        #expect(e.canonical == (canonical == "-" ? nil : canonical), "\(mention) in \(text)")
    }

    @Test(arguments: [
        // Bodies of the official-list dictionaries: (text, mention, jurisdiction, canonical).
        ("人行今天宣布降准。", "人行", "CN", "中國人民銀行"),
        ("国家林业和草原局今天发布通知。", "国家林业和草原局", "CN", "國家林業和草原局"),
        ("國務院辦公廳今天印發通知。", "國務院辦公廳", "CN", "中華人民共和國國務院辦公廳"),
        ("國家監委今天通報。", "國家監委", "CN", "中華人民共和國國家監察委員會"),
        ("食環署今天巡查街市。", "食環署", "HK", "香港特別行政區政府食物環境衛生署"),
        ("香港醫務衛生局今天公布。", "香港醫務衛生局", "HK", "香港特別行政區政府醫務衛生局"),
        ("澳門治安警察局今天拘捕2人。", "澳門治安警察局", "MO", "澳門特別行政區政府治安警察局"),
        ("美國聯邦緊急事務管理署今天說。", "美國聯邦緊急事務管理署", "US", "美國聯邦緊急事務管理署"),
        ("美國國會預算辦公室今天發表報告。", "美國國會預算辦公室", "US", "美國國會預算辦公室"),
        ("日本宮內廳今天宣布。", "日本宮內廳", "JP", "日本宮內廳"),
        ("復興廳今天公布預算。", "復興廳", "JP", "日本復興廳"),
        ("南韓企劃財政部今天說。", "南韓企劃財政部", "KR", "南韓企劃財政部"),
        ("英國司法部今天說。", "英國司法部", "GB", "英國司法部"),
        ("德國聯邦刑事警察局今天說。", "德國聯邦刑事警察局", "DE", "德國聯邦刑事警察局"),
        ("印度國防部今天說。", "印度國防部", "IN", "印度國防部"),
        ("澳洲聯邦眾議院今天通過法案。", "澳洲聯邦眾議院", "AU", "澳洲聯邦眾議院"),
        ("加拿大皇家騎警今天逮捕1人。", "加拿大皇家騎警", "CA", "加拿大皇家騎警"),
        ("歐洲審計院今天發表報告。", "歐洲審計院", "intl", "歐洲審計院"),
        ("聯合國人口基金今天發表報告。", "聯合國人口基金", "intl", "聯合國人口基金"),
    ])
    func bodiesOfTheOfficialLists(_ text: String, _ mention: String, _ jurisdiction: String, _ canonical: String) throws {
        let e = try #require(try Self.agency(text, mention), "\(mention) in \(text)")
        #expect(e.jurisdiction == jurisdiction, "\(mention) in \(text)")
        #expect(e.canonical == canonical, "\(mention) in \(text)")
    }

    @Test(arguments: [
        // PRC local bodies named by their place: (text, mention, canonical).
        ("上海市公安局今天通报。", "上海市公安局", "上海市公安局"),
        ("广州市公安局今天通报。", "广州市公安局", "廣州市公安局"),
        // The higher place joins the span.
        ("北京市朝阳区人民法院今天判决。", "北京市朝阳区人民法院", "北京市朝陽區人民法院"),
        ("深圳市人民检察院今天起诉。", "深圳市人民检察院", "深圳市人民檢察院"),
        ("上海市卫健委今天通报。", "上海市卫健委", "上海市衛生健康委員會"),
        ("上海网信办今天约谈了相关企业。", "上海网信办", "上海市網信辦"),
        ("杭州市中级人民法院今天宣判。", "杭州市中级人民法院", "杭州市中級人民法院"),
        // Not Hong Kong's 環境局 inside a PRC city's 生態環境局.
        ("北京市生态环境局今天发布通知。", "北京市生态环境局", "北京市生態環境局"),
    ])
    func localBodiesTakeTheirPlace(_ text: String, _ mention: String, _ canonical: String) throws {
        let e = try #require(try Self.agency(text, mention), "\(mention) in \(text)")
        #expect(e.jurisdiction == "CN")
        #expect(e.canonical == canonical)
        #expect(e.source == "rule:local-body")
        #expect(e.id == nil, "a local body is not the national one: \(e.id ?? "")")
    }

    /// The national body keeps its name when the state itself stands before the form.
    @Test func stateBeforeTheFormIsTheNationalBody() throws {
        let e = try #require(try Self.agency("中国卫健委今天通报。", "中国卫健委"))
        #expect(e.canonical == "中華人民共和國國家衛生健康委員會")
    }

    @Test(arguments: [
        // (text, place, title cue after it)
        ("台中市長盧秀燕今天表示。", "台中市"),
        ("台北市議員今天質詢。", "台北市"),
    ])
    func placeBeforeItsTitleKeepsItsSuffix(_ text: String, _ place: String) throws {
        let entities = try Self.tag(text)
        #expect(entities.contains { $0.type == .place && $0.text == place }, "\(entities.map(\.text))")
        #expect(!entities.contains { $0.type == .agency || ($0.type == .person && $0.text.hasPrefix(place)) })
    }

    @Test(arguments: [
        // (text, the mention's occurrence, jurisdiction, source): a name given its state by strong
        // evidence keeps it through the story, whatever the places around a later mention.
        ("华盛顿——美国众议院通过法案。如果国会通过，军售将完成。台湾在国会得到两党的支持。", 1, "US", "context"),
        ("（中央社記者台北31日電）捷克議長預計拜會科技部。科技部自2010年起跟捷克發展交流。", 1, "TW", "context"),
    ])
    func aStoryKeepsTheStateOfItsFirstMention(_ text: String, _ occurrence: Int, _ jurisdiction: String, _ source: String) throws {
        let mention = text.contains("国会") ? "国会" : text.contains("科技部") ? "科技部" : "外交部"
        let all = try Self.tag(text).filter { $0.type == .agency && $0.text == mention }
        let e = try #require(all.count > occurrence ? all[occurrence] : nil, "\(all.map(\.text)) in \(text)")
        #expect(e.jurisdiction == jurisdiction, "\(text)")
        #expect(e.jurisdictionSource?.rawValue == source, "\(text)")
    }

    /// Never a Taiwan body when the evidence names another state.
    @Test(arguments: ["美國總統拜登今天說，國會將表決。", "法國央行今天宣布降息。", "中国外交部发言人赵立坚说，外交部将回应。"])
    func noTaiwanBodyForForeignEvidence(_ text: String) throws {
        for e in try Self.tag(text) where e.type == .agency {
            #expect(e.jurisdiction != "TW", "\(e.text) in \(text)")
            #expect(!(e.id ?? "").hasPrefix("agency:tw."), "\(e.text) in \(text)")
        }
    }

    /// A generic body after a word naming several states is a kind of body, no one state's: not
    /// tagged (the dateline or the script would make it Taiwan's); the body named before stays.
    @Test(arguments: [
        ("（中央社台北3日電）南韓等國的央行都在降息。", "央行", ""),
        ("（中央社台北3日電）中央銀行今天說，各國央行都在觀望。", "央行", "中央銀行"),
        ("美國、日本等國外交部今天發表聲明。", "外交部", ""),
        ("我国与各国外交部保持沟通。", "外交部", ""),
    ])
    func aBodyOfSeveralStatesIsNoOneBody(_ text: String, _ plural: String, _ kept: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }
        #expect(!agencies.contains { $0.text == plural }, "\(agencies.map(\.text)) in \(text)")
        if !kept.isEmpty { #expect(agencies.contains { $0.text == kept }, "\(agencies.map(\.text)) in \(text)") }
    }

    @Test(arguments: [
        "行政院環保署與國健署菸害防制組今天到各縣市政府說明，美國國務院與聯合國也表示關切。",
        // A rule-found body whose name gives no state takes it from the evidence.
        "港府今天宣布成立「内地核酸检测支援队」。",
    ])
    func everyAgencyHasAJurisdiction(_ text: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }
        #expect(agencies.count >= 2)
        for e in agencies {
            #expect(e.jurisdiction != nil, "\(e.text)")
        }
    }

    @Test(arguments: [
        // (text, compound, canonical, parent)
        ("行政院環保署今天說明。", "行政院環保署", "行政院環境保護署", "行政院"),
        ("國健署菸害防制組今天說明。", "國健署菸害防制組", "衛生福利部國民健康署菸害防制組", "衛生福利部國民健康署"),
        ("衛福部疾管署今天公布。", "衛福部疾管署", "衛生福利部疾病管制署", "衛生福利部"),
        // A unit written in Simplified text is named in the parent's (Traditional) script.
        ("国健署菸害防制组今天说明。", "国健署菸害防制组", "衛生福利部國民健康署菸害防制組", "衛生福利部國民健康署"),
        // 司: a ministry's department.
        ("內政部戶政司今天說明。", "內政部戶政司", "內政部戶政司", "內政部"),
        // A unit ends before its chief's title.
        ("經濟部國際合作處處長今天說明。", "經濟部國際合作處", "經濟部國際合作處", "經濟部"),
    ])
    func parentAndUnitAreOneEntity(_ text: String, _ compound: String, _ canonical: String, _ parent: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }
        let e = try #require(agencies.first, "\(text)")
        #expect(agencies.count == 1 && e.text == compound, "\(agencies.map(\.text))")
        #expect(e.canonical == canonical)
        #expect(e.parent == parent)
        #expect(e.jurisdiction == "TW")
    }


    /// Police precincts and stations named by their place (`rule:police-unit`), 市警局 / 縣警局
    /// by the city the sentence or the dateline names, a bare 公所 by the office named before it.
    @Test(arguments: [
        // (text, mention, canonical, parent, jurisdiction)
        ("屏東縣內埔警分局今天說明。", "屏東縣內埔警分局", "屏東縣政府警察局內埔分局", "屏東縣政府警察局", "TW"),
        ("新北市瑞芳警分局今天說明。", "新北市瑞芳警分局", "新北市政府警察局瑞芳分局", "新北市政府警察局", "TW"),
        ("高雄市六龜警分局寶來派出所今天說明。", "高雄市六龜警分局寶來派出所", "高雄市政府警察局六龜分局寶來派出所", "高雄市政府警察局六龜分局", "TW"),
        ("（中央社記者王小明高雄5日電）林園分局大寮派出所今天說明。", "林園分局大寮派出所", "高雄市政府警察局林園分局大寮派出所", "高雄市政府警察局林園分局", "TW"),
        // A station alone takes the canonical the document gives it after its precinct.
        ("（中央社記者王小明高雄5日電）大寮派出所員警到場，林園分局大寮派出所今天說明。", "大寮派出所", "高雄市政府警察局林園分局大寮派出所", "高雄市政府警察局林園分局", "TW"),
        ("（中央社記者王小明台南5日電）市警局今天說明。", "市警局", "臺南市政府警察局", "臺南市政府", "TW"),
        ("台中市長盧秀燕表示，市警局將加強巡邏。", "市警局", "臺中市政府警察局", "臺中市政府", "TW"),
        // A bare 公所: the one district office the document named before it.
        ("金山區公所今天說明，公所已封存資料。", "公所", "新北市金山區公所", "新北市政府", "TW"),
    ])
    func policeUnitsByPlace(_ text: String, _ mention: String, _ canonical: String, _ parent: String, _ state: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }
        let e = try #require(agencies.first { $0.text == mention }, "\(agencies.map(\.text))")
        #expect(e.canonical == canonical)
        #expect(e.parent == parent)
        #expect(e.jurisdiction == state)
    }

    /// No station after a scope word (the precinct stays alone), no Taiwan station in a Hubei story.
    @Test(arguments: [
        // (text, a mention no agency may be, a mention that must stay, its canonical, its jurisdiction)
        ("新化警分局轄區派出所今天說明。", "新化警分局轄區派出所", "新化警分局", "臺南市政府警察局新化分局", "TW"),
        ("武穴市公安局、龙潭派出所同时出动。", "", "龙潭派出所", "龍潭派出所", "CN"),
    ])
    func policeUnitsStopAtScopeAndScript(_ text: String, _ absent: String, _ present: String, _ canonical: String, _ state: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }
        if !absent.isEmpty { #expect(!agencies.contains { $0.text == absent }, "\(agencies.map(\.text))") }
        let e = try #require(agencies.first { $0.text == present }, "\(agencies.map(\.text))")
        #expect(e.canonical == canonical)
        #expect(e.jurisdiction == state)
    }

    /// A unit head that is the last character of a transliterated name (基|里|延|科), or a title
    /// inside, makes no unit of the body before it.
    @Test(arguments: [
        // (text, the body that must stay alone, a part of the name no agency takes in)
        ("俄罗斯政府总理基里延科今天说。", "俄罗斯政府", "延科"),
        ("俄罗斯交通部长阿克谢年科今天说。", "交通部", "年科"),
        ("澳洲衛生部長米卡科今天說。", "衛生部", "卡科"),
        ("央行副行长刘国强所说的。", "央行", "国强"),
    ])
    func unitHeadInsideANameOrWordIsNoUnit(_ text: String, _ body: String, _ namePart: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }.map(\.text)
        #expect(agencies.contains(where: { $0.hasSuffix(body) }), "\(agencies)")
        #expect(!agencies.contains(where: { $0.contains(namePart) }), "\(agencies)")
    }

    /// A clause after a body (a verb, an adverb, a preposition) is no unit's name, nor is the
    /// particle 所.
    @Test(arguments: [
        // (text, the body that must stay alone)
        ("嘉義地檢署組成專案小組偵辦。", "嘉義地檢署"),
        ("高公局預計依交流道所通往的行政區調整。", "高公局"),
        ("（中央社記者王小明台北3日電）移民署儘速依相關法規查處。", "移民署"),
        ("主計總處先前所公布的數字。", "主計總處"),
        // 工程司 is a title, not a department.
        ("水利署副總工程司張廣智表示。", "水利署"),
    ])
    func aClauseAfterABodyIsNoUnit(_ text: String, _ body: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }.map(\.text)
        #expect(agencies.contains(body), "\(agencies)")
        #expect(!agencies.contains(where: { $0.hasPrefix(body) && $0 != body }), "\(agencies)")
    }

    @Test(arguments: [
        // (text, agency, canonical, jurisdiction)
        // A city government's short form and its bureau: one body of the city the text is about.
        ("（中央社記者王小明高雄3日電）高雄市長今天說，市府衛生局將加強稽查。", "市府衛生局", "高雄市政府衛生局", "TW"),
        // A province before a city's body is part of its name.
        ("雲南省昆明市中級人民法院今天宣判。", "雲南省昆明市中級人民法院", "雲南省昆明市中級人民法院", "CN"),
        // A city's bureau after the city government named with its place.
        ("（中央社記者王小明新北9日電）新北市府衛生局今天表示。", "新北市府衛生局", "新北市政府衛生局", "TW"),
        ("（中央社記者王小明台北9日電）北市府衛生局長今天表示。", "北市府衛生局", "臺北市政府衛生局", "TW"),
        // A bare 議會 after another city's mayor in its own sentence is that city's council.
        ("（中央社記者王小明台中3日電）台中市長今天說，市府反對，台中市議會也反對。新北市長侯友宜表示，草案還在議會審議中。", "議會", "新北市議會", "TW"),
        // A leader's government is the government of the leader's state.
        ("（中央社華盛頓3日綜合外電報導）川普政府今天宣布新措施。", "川普政府", "美國聯邦政府", "US"),
        ("蔡英文政府今天宣布新措施。", "蔡英文政府", "中華民國政府", "TW"),
        // A state's unlisted body named again without the state.
        ("（中央社巴西利亞3日綜合外電報導）巴西衛生監督局今天說，衛生監督局將審查疫苗。", "衛生監督局", "巴西衛生監督局", "BR"),
    ])
    func compoundBodies(_ text: String, _ name: String, _ canonical: String, _ state: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }
        let e = try #require(agencies.first(where: { $0.text == name }), "\(agencies.map(\.text))")
        #expect(e.canonical == canonical)
        #expect(e.jurisdiction == state)
    }

    /// A research institute under a body is an organization (the keys' 中研院 rule).
    @Test(arguments: ["農委會家畜衛生試驗所今天說明。", "央行數位貨幣研究所今天說明。"])
    func aResearchUnitIsAnOrganization(_ text: String) throws {
        let found = try Self.tag(text)
        let name = String(text.prefix(text.count - "今天說明。".count))
        #expect(found.contains { $0.type == .organization && $0.text == name }, "\(found.map(\.text))")
        #expect(!found.contains { $0.type == .agency }, "\(found.map(\.text))")
    }

    /// Units with a title word in them, or a head inside a longer word, stay units.
    @Test(arguments: [
        ("北投分局督察組今天說明。", "北投分局督察組"),
        ("央行經研處今天說明。", "央行經研處"),
        ("指揮中心專家諮詢小組今天開會。", "指揮中心專家諮詢小組"),
    ])
    func unitsWithATitleWordStay(_ text: String, _ unit: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }.map(\.text)
        #expect(agencies.contains(unit), "\(agencies)")
    }

    /// Former PRC State Council bodies (`agencies-cn-former.tsv`), regional intergovernmental
    /// groupings (`agencies-intl.tsv`).
    @Test(arguments: [
        // (text, entity, type, jurisdiction or "", canonical)
        ("国家计委和外经贸部今天发布通知。", "外经贸部", "agency", "CN", "中華人民共和國對外貿易經濟合作部"),
        ("国家计委和外经贸部今天发布通知。", "国家计委", "agency", "CN", "中華人民共和國國家計劃委員會"),
        ("国家环保总局今天表示。", "国家环保总局", "agency", "CN", "國家環境保護總局"),
        ("伊斯兰会议组织外长会议今天开幕。", "伊斯兰会议组织", "agency", "intl", "伊斯蘭合作組織"),
        ("阿盟秘書長今天說。", "阿盟", "agency", "intl", "阿拉伯國家聯盟"),
    ])
    func listedBodies(_ text: String, _ name: String, _ type: String, _ state: String, _ canonical: String) throws {
        let e = try #require(try Self.tag(text).first(where: { $0.text == name }), "\(text)")
        #expect(e.type.rawValue == type)
        #expect(e.jurisdiction == (state.isEmpty ? nil : state))
        #expect(e.canonical == canonical)
    }
    @Test(arguments: [
        // (text, an entity text that must not be found, one that must)
        ("今天到各縣市政府說明。", "市政府", ""),
        ("全國軍公教今天加薪。", "國軍", ""),
        ("戰機飛越南海上空。", "越南", ""),
        ("中國銀行業今年獲利。", "中國銀行", ""),
        ("台灣航空業受疫情衝擊。", "台灣航空", ""),
        // 館 alone ends a mission, not a restaurant (place-body).
        ("台北唯一一家捷克餐酒館的老闆說。", "捷克餐酒館", "捷克"),
        ("越南政府今天宣布。", "", "越南政府"),
        ("台北市政府今天宣布。", "", "台北市政府"),
        ("中國銀行今天宣布降息。", "", "中國銀行"),
        // A place followed by a common word that ends in a body head's character is no body.
        ("双方与北京签署协议。", "北京签署", "北京"),
        ("粮食安全被视为稳定中国社会经济大局的压舱石。", "中国社会经济大局", "中国"),
        ("美國仍處於疫情高峰。", "美國仍處", "美國"),
        ("菲律賓新聞網站報導。", "菲律賓新聞網站", "菲律賓"),
        ("宏都拉斯安全部今天說明。", "", "宏都拉斯安全部"),
        // 旅館 is a hotel, no body.
        ("目前台北市部分旅館住房率僅2成。", "台北市部分旅館", "台北市"),
    ])
    func noEntityCutsALongerWord(_ text: String, _ absent: String, _ present: String) throws {
        let found = try Self.tag(text).filter { [EntityType.agency, .organization, .place].contains($0.type) }.map(\.text)
        if !absent.isEmpty { #expect(!found.contains(absent), "\(found)") }
        if !present.isEmpty { #expect(found.contains(present), "\(found)") }
    }

    @Test(arguments: [
        ("船隻停靠台中港。", "台中港"),
        ("旅客從松山機場出境。", "松山機場"),
        ("國道3號今天塞車。", "國道3號"),
    ])
    func facilitiesArePlaces(_ text: String, _ place: String) throws {
        let places = try Self.tag(text).filter { $0.type == .place }.map(\.text)
        #expect(places.contains(place), "\(places)")
    }

    @Test func checkerWantsAJurisdictionForEveryAgency() throws {
        let text = "# kind: agency\n# source: test\nid\tcanonical\tlevel\nxx1.body\t某某局\tforeign\nzz.body\t某某署\tforeign\nus.body\t某某處\tforeign\n"
        let places = "# kind: place\n# source: test\nid\tcanonical\npl.us\t美國\n"
        let problems = try DictionaryChecker.check(defaults: [DictionaryFile.parse(text, name: "a.tsv"),
                                                              DictionaryFile.parse(places, name: "p.tsv")]).map(\.description)
        #expect(problems.contains { $0.hasPrefix("a.tsv:4:") && $0.contains("no jurisdiction") })
        #expect(problems.contains { $0.hasPrefix("a.tsv:5:") && $0.contains("'ZZ'") })
        #expect(!problems.contains { $0.hasPrefix("a.tsv:6:") })
    }
}
