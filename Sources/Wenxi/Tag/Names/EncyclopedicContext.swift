import Foundation

/// Context that encyclopedic and biographical writing puts around a person's name, where news
/// would put a title or a reporting verb (`person-cues.tsv`): kinship (之子, 其妻, 女兒), offices
/// of history and of the arts (皇帝, 太守, 大將, 詩人, 演員), and what a life does (生於, 即位,
/// 病逝, 飾演). Evidence for `NameFinder.context`, weighted `Weights.encyclopedic`: it raises a
/// candidate the character tables already make likely, it never makes a name alone.
/// All word lists are hand-written from the conventions of biographical writing (Wikipedia-style
/// lead sentences, histories), not from any answer key.
enum EncyclopedicContext {
    static func words(_ list: [String]) -> [[UInt32]] { list.map { $0.unicodeScalars.map(\.value) } }

    /// Words right before a name (the name ends the phrase: 之子韓信, 大將韓信, 詩人杜甫).
    static let before: [[UInt32]] = words([
        // kinship
        "之子", "之女", "之妻", "之孫", "之弟", "之兄", "之母", "之父", "長子", "次子", "三子", "幼子", "長女", "次女",
        "兒子", "女兒", "妻子", "丈夫", "父親", "母親", "祖父", "祖母", "哥哥", "弟弟", "姐姐", "姊姊", "妹妹",
        "叔叔", "伯父", "叔父", "岳父", "岳母", "外公", "外婆", "義父", "養父", "胞弟", "胞兄", "表姐", "表哥",
        "堂弟", "堂兄", "侄子", "姪子", "女婿", "兒媳", "繼母", "嫡子", "庶子", "男友", "女友", "未婚妻", "未婚夫",
        // offices of history
        "皇帝", "國王", "女王", "君主", "大將", "將軍", "太守", "刺史", "丞相", "宰相", "大臣", "首領", "部將",
        "謀士", "名將", "天王", "皇后", "太后", "皇子", "王子", "公主", "節度使", "知府", "知縣", "御史",
        "尚書", "侍郎", "都督", "統帥", "司令", "元帥", "領袖", "酋長", "族長", "國君",
        // the arts, learning, sport
        "詩人", "作家", "畫家", "演員", "歌手", "導演", "編劇", "作曲家", "音樂家", "藝術家", "哲學家", "科學家",
        "思想家", "政治家", "軍事家", "文學家", "史學家", "數學家", "物理學家", "化學家", "學者", "教授", "球員",
        "選手", "主角", "主人公", "創始人", "創辦人", "傳教士", "僧人", "法師", "監製", "製作人", "主持人",
    ])
    /// Words right after a name (韓信之子, 杜甫生於, 孫策病逝, 劉德華飾演).
    static let after: [[UInt32]] = words([
        "之子", "之女", "之妻", "之孫", "之弟", "之兄", "之母", "之父", "的兒子", "的女兒", "的妻子", "的父親",
        "的母親", "的丈夫", "生於", "出生", "出身", "逝世", "去世", "病逝", "病故", "卒於", "即位", "登基", "繼位",
        "稱帝", "在位", "篡位", "駕崩", "被殺", "自殺", "率軍", "率兵", "率領", "飾演", "主演", "執導",
        "所著", "所作", "所寫", "所撰", "著有", "嫁給", "登場", "畢業於",
    ])
    static let beforeLast = ScalarSet(before.map { $0[$0.count - 1] })
    static let afterFirst = ScalarSet(after.map { $0[0] })
    static let digits = ScalarSet("0123456789０１２３４５６７８９")

    /// Whether encyclopedic context stands around the name `start..<end` of the folded text `f`:
    /// a word of `before` ending at `start`, a word of `after` starting at `end`, or a parenthesis
    /// opening on a year right after the name (孫中山（1866年－1925年）, the lead of a biography).
    /// Never before a middle dot: the name goes on past it (演員湯姆·漢克斯 gives 湯姆 no evidence).
    /// `before: false` leaves out the words before the name (where a title of `person-cues.tsv`
    /// already stands there and is counted as such: 演員 is both).
    static func cue(_ f: [UInt32], _ start: Int, _ end: Int, before useBefore: Bool = true) -> Bool {
        if end < f.count && f[end] == 0xB7 { return false }
        if useBefore && start > 0 && beforeLast.contains(f[start - 1])
            && before.contains(where: { w in start >= w.count && PlacePrefixRules.has(f, start - w.count, w) }) { return true }
        guard end < f.count else { return false }
        if afterFirst.contains(f[end]) && after.contains(where: { PlacePrefixRules.has(f, end, $0) }) { return true }
        return (f[end] == 0xFF08 || f[end] == 0x28) && end + 1 < f.count && digits.contains(f[end + 1])
    }
}
