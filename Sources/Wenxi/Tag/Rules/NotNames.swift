/// Words that make a surname-led string no person's name, read from the `not-name` file
/// (`Dictionaries/not-names.tsv`; `scripts/import-known-names` reads the same file):
///
/// - class `kin`, `polite`, `title`: terms of address after a surname (王媽媽, 林阿姨, 陳老師,
///   李醫生): a way to speak of someone, not their name (`isAddressForm`);
/// - class `weekday`: 週一 … 週日, 週末 (周 likewise): after a title, 周五 is a day, not the surname
///   周; class `day-part`: a weekday followed by one of these characters (周三晚) is a day too;
///
/// Words are compared with the folded text as written in the file (no fold is applied: the file
/// lists both scripts where they differ), two characters packed `first << 32 | second`.
package struct NotNames: Sendable {
    /// Classes whose words end an address form (`isAddressForm`).
    static let addressClasses: Set<String> = ["kin", "polite", "title"]
    /// Every class the file may use.
    static let classes: Set<String> = ["kin", "polite", "title", "weekday", "day-part"]

    let addressTerms: Set<UInt64>
    let weekdays: Set<UInt64>
    /// The first characters of `weekdays` (one bit test before the pair is looked up).
    let weekdayStarts: ScalarSet
    let partsOfDay: ScalarSet

    @inline(__always) static func pair(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }

    init(entries: [DictionaryEntry], kinds: [DictionaryKind]) {
        var address = Set<UInt64>(), week = Set<UInt64>(), parts: [UInt32] = []
        for i in entries.indices where kinds[i] == .notName {
            let v = entries[i].canonical.unicodeScalars.map(\.value)
            switch entries[i].entryClass ?? "" {
            case let c where NotNames.addressClasses.contains(c) && v.count == 2: address.insert(NotNames.pair(v[0], v[1]))
            case "weekday" where v.count == 2: week.insert(NotNames.pair(v[0], v[1]))
            case "day-part" where v.count == 1: parts.append(v[0])
            default: break
            }
        }
        addressTerms = address
        weekdays = week
        weekdayStarts = ScalarSet(week.map { UInt32($0 >> 32) })
        partsOfDay = ScalarSet(parts)
    }

    /// True for a day of the week (周一 … 周日, 周末), alone or with a part of the day (周三晚).
    func isWeekday(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 2, weekdayStarts.contains(f[start]), weekdays.contains(NotNames.pair(f[start], f[start + 1])) else { return false }
        return end - start == 2 || (end - start == 3 && partsOfDay.contains(f[start + 2]))
    }

    /// True for a surname (one or two characters) and a term of address: a way to speak of
    /// someone (王妈妈说), not their name.
    func isAddressForm(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        guard end - start == 3 || end - start == 4 else { return false }
        return addressTerms.contains(NotNames.pair(f[end - 2], f[end - 1]))
    }

    /// `wenxi dict check` rules (`WordTableCheck`): a known class; two Han characters a word (one
    /// for `day-part`); no word twice in one class.
    static func problems(_ entries: [DictionaryEntry]) -> [DictionaryProblem] {
        WordTableCheck.problems(entries, kind: .notName,
                                lengths: Dictionary(uniqueKeysWithValues: classes.map { ($0, $0 == "day-part" ? 1...1 : 2...2) }))
    }
}
