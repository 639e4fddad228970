import Foundation

/// Evidence that a run of capitalised Latin words inside Chinese text (`NameFinder.latinWords`)
/// names a person, for `rule:name-model-latin` outside parentheses and without a title before it.
/// Capitalised runs in Chinese news are as often products, shops and slogans (Pro Max, Keep
/// Taiwan Free) as people, so the shape alone is not enough. A run is a person when:
/// - it has two words or more, the first a given name of `name-latin-given.tsv` (US census first
///   names: Steven Bronfenbrenner, Brian Epstein), or
/// - it has two words or more and a strong person cue: a role or kinship word before it (主唱,
///   男友, 女兒, 名叫; also with 是/為 between: 妻子是), a reporting verb (說, 表示, 證實) or an act of
///   a person after it (提議, 出生, 飾演, 等人), or a person right before it in a 、/和 list;
/// - one word only: a given name with such a cue (女兒Maddie, 兒子Harry).
/// Never when a head of a body, place, work or product follows (… 公司, … 樂團, … 獎) or a title
/// (… 執行總監: the run is the officer's body), when a body or product word stands right before
/// it (公司…, 運營商…), or a work title opens before it (《). All word lists are hand-written from
/// news and encyclopedic writing.
enum LatinNames {
    static func words(_ list: [String]) -> [[UInt32]] { list.map { $0.unicodeScalars.map(\.value) } }

    /// Role and kinship words right before a person's name.
    static let roles: [[UInt32]] = words([
        "妻子", "丈夫", "太太", "先生", "兒子", "女兒", "男友", "女友", "未婚夫", "未婚妻", "父親", "母親", "哥哥",
        "弟弟", "姐姐", "姊姊", "妹妹", "孫子", "孫女", "主唱", "鼓手", "貝斯手", "吉他手", "鍵盤手", "歌手",
        "演員", "導演", "編劇", "製作人", "作者", "作家", "記者", "球員", "隊友", "教練", "總監", "創辦人",
        "發言人", "繼承人", "成員", "藝術家", "畫家", "詩人", "科學家", "學者", "女孩", "男孩", "名叫", "叫做",
        "取名", "全名", "本名", "原名", "化名", "藝名", "工程師", "設計師", "攝影師", "老師", "學生",
        "朋友", "助手", "律師", "醫生", "主角", "角色",
    ])
    /// Acts of a person right after the name (besides the reporting verbs of `person-cues.tsv`).
    static let acts: [[UInt32]] = words([
        "提議", "認為", "指出", "出生", "生於", "飾演", "主演", "執導", "等人", "去世", "逝世", "訂婚", "結婚",
        "提醒", "辭職", "退休", "宣布", "宣佈", "發現", "創立", "創辦", "寫道", "回憶", "透露",
    ])
    /// Reporting verbs after the name (the strong ones; the weak verbs and adverbs of
    /// `person-cues.tsv` such as 將 or 就是 follow company names as often).
    static let speech: [[UInt32]] = words([
        "說", "表示", "強調", "坦言", "證實", "回應", "受訪", "接受", "呼籲", "主張", "警告", "解釋", "補充",
    ])
    /// Words right before the run that make it the name of a body or product (公司Bio Farma,
    /// 運營商Thomas Cook).
    static let bodyBefore: [[UInt32]] = words([
        "公司", "機構", "集團", "品牌", "業者", "店家", "銀行", "網站", "旗下", "應用程式", "運營商", "營運商",
        "製造商", "廠商", "商店", "餐廳", "酒店", "樂團", "球隊", "媒體", "雜誌", "節目", "遊戲", "軟體", "系統",
    ])
    /// Heads after the run that make it the name of a body, place, work or product.
    static let nonPersonHeads: [[UInt32]] = words([
        "公司", "集團", "品牌", "旗艦店", "專櫃", "門市", "餐廳", "酒店", "飯店", "銀行", "大學", "學院", "中學",
        "基金", "協會", "樂團", "合唱團", "樂隊", "球隊", "系列", "手機", "電腦", "平台", "網站", "遊戲", "影業",
        "唱片", "電視", "頻道", "雜誌", "定律", "效應", "模型", "計畫", "計劃", "專案", "法案", "號", "獎", "杯",
        "盃", "店", "體", "式", "病", "症", "館", "廳", "節", "展", "站", "街", "路", "港", "山", "河", "島",
        "海岸", "村", "鎮", "市", "州", "省", "縣", "區", "董事會", "股份", "科技",
    ])
    static let listMarks = ScalarSet("、和與及跟")
    static let workOpen = ScalarSet("《〈")
    static let copula = ScalarSet("是為")

    @inline(__always) static func has(_ f: [UInt32], _ at: Int, _ w: [UInt32]) -> Bool { PlacePrefixRules.has(f, at, w) }

    /// A head of a body, place, work or product right after `e`, a body or product word right
    /// before `i`, or a work title open before `i`.
    static func blocked(_ f: [UInt32], _ i: Int, _ e: Int) -> Bool {
        if i > 0 && workOpen.contains(f[i - 1]) { return true }
        if bodyBefore.contains(where: { w in i >= w.count && has(f, i - w.count, w) }) { return true }
        return nonPersonHeads.contains { has(f, e, $0) }
    }

    /// A role or kinship word ending at `i`, or at `i - 1` before 是/為.
    static func roleBefore(_ f: [UInt32], _ i: Int) -> Bool {
        let ends = i > 0 && copula.contains(f[i - 1]) ? [i, i - 1] : [i]
        return ends.contains { k in roles.contains { w in k >= w.count && has(f, k - w.count, w) } }
    }

    /// The first word of the run at `i` is a given name of `name-latin-given.tsv`.
    static func givenFirst(_ model: NameModel, _ f: [UInt32], _ i: Int) -> Bool {
        var k = i + 1
        while k < f.count && NameFinder.isLower(f[k]) { k += 1 }
        return k - i >= 2 && model.latinGiven.contains(Array(f[i..<k]))
    }

    /// Whether the Latin run `i..<e` of `words` words names a person (see the type's comment).
    static func isPerson(_ doc: TaggingDocument, _ model: NameModel, _ i: Int, _ e: Int, _ words: Int,
                         _ cueBefore: CueEdges, _ cueAfter: CueEdges) -> Bool {
        let f = doc.folded
        // A title right after the run makes it the body its officer belongs to (Allegra
        // Strategies執行總監, Ujong Blang村長).
        guard !model.latinGiven.isEmpty, !blocked(f, i, e), !cueBefore.starts(at: e) else { return false }
        let given = givenFirst(model, f, i)
        if words >= 2 && given { return true }
        let listed = i >= 2 && listMarks.contains(f[i - 1]) && doc.owner[i - 2] >= 0
            && doc.mentions[Int(doc.owner[i - 2])].type == .person
        let cue = roleBefore(f, i) || speech.contains { has(f, e, $0) } || acts.contains { has(f, e, $0) } || listed
        return cue && (words >= 2 || given)
    }
}
