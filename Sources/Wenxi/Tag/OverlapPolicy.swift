/// A match of one automaton pattern in the text (scalar offsets, half-open).
public struct PatternMatch: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var pattern: Int32
    public init(start: Int, end: Int, pattern: Int32) {
        self.start = start
        self.end = end
        self.pattern = pattern
    }
}

/// The overlap policy of dictionary matches: **leftmost-longest**. Scanning left to right, the
/// match that starts first wins; among matches that start at the same place, the longest wins;
/// the next match must start at or after its end. So no character ever belongs to two entities.
/// When the winning surface form belongs to entries of several kinds, `DictionaryKind.priority`
/// (agency, organization, person, place) picks the kind; several entries of that kind go to the
/// context resolver.
public enum OverlapPolicy {
    /// The non-overlapping matches chosen from `matches` (any order), sorted by start.
    public static func leftmostLongest(_ matches: [PatternMatch]) -> [PatternMatch] {
        let sorted = matches.sorted {
            $0.start != $1.start ? $0.start < $1.start : ($0.end != $1.end ? $0.end > $1.end : $0.pattern < $1.pattern)
        }
        var out: [PatternMatch] = []
        var pos = Int.min
        for m in sorted where m.start >= pos && m.end > m.start {
            out.append(m)
            pos = m.end
        }
        return out
    }

    /// True when a match at `start..<end` sits inside a run of Latin letters or digits (NCC in
    /// NCCU): such matches are dropped before the policy runs. Only checked at edges where the
    /// match itself has a Latin letter or digit.
    public static func cutsLatinWord(_ text: [Unicode.Scalar], start: Int, end: Int, fold: FoldTable) -> Bool {
        func alnum(_ i: Int) -> Bool {
            guard i >= 0 && i < text.count else { return false }
            let c = fold.fold(text[i].value)
            return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        }
        if alnum(start) && alnum(start - 1) { return true }
        if alnum(end - 1) && alnum(end) { return true }
        return false
    }
}
