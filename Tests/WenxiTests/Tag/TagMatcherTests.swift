import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Tag: automaton and fold")
struct TagMatcherTests {
    static func automaton(_ patterns: [String]) throws -> (Automaton, FoldTable) {
        let fold = try FoldTable.build(surfaces: patterns)
        return (try Automaton(patterns: patterns.map { fold.fold($0).unicodeScalars.map(\.value) }, fold: fold), fold)
    }

    /// A dictionary whose names use more characters than the 16-bit symbol table holds is an
    /// error, not a crash.
    @Test func tooManyDistinctCharactersIsAnError() throws {
        let fold = try FoldTable.build(surfaces: ["行政院"])
        let patterns = (0x20000..<(0x20000 + Automaton.maxAlphabet + 1)).map { [UInt32($0)] }
        #expect(throws: WenxiError.self) { try Automaton(patterns: patterns, fold: fold) }
        #expect(try Automaton(patterns: Array(patterns.dropLast()), fold: fold).alphabetSize == Automaton.maxAlphabet)
    }

    static func found(_ patterns: [String], in text: String) throws -> [String] {
        let (a, _) = try automaton(patterns)
        let scalars = Array(text.unicodeScalars)
        return a.scan(scalars).map { m in
            var s = String.UnicodeScalarView(); s.append(contentsOf: scalars[m.start..<m.end])
            return "\(m.start):\(String(s))"
        }.sorted()
    }

    @Test("every occurrence, overlapping ones included")
    func allOccurrences() throws {
        #expect(try Self.found(["he", "she", "his", "hers"], in: "ushers") == ["1:she", "2:he", "2:hers"])
        #expect(try Self.found(["桃園", "桃園市", "桃園市政府", "市政府"], in: "桃園市政府說") ==
                ["0:桃園", "0:桃園市", "0:桃園市政府", "2:市政府"])
        #expect(try Self.found(["aa"], in: "aaaa") == ["0:aa", "1:aa", "2:aa"])
    }

    @Test("offsets are those of the original text, across supplementary-plane scalars")
    func astral() throws {
        #expect(try Self.found(["𠀋山"], in: "在𠀋山上") == ["1:𠀋山"])
        #expect(try Self.found(["國科會"], in: "😀國科會") == ["1:國科會"])
    }

    @Test(arguments: [
        ("台/臺 variant", "臺北市政府", "台北市政府"),
        ("臺 in text, 台 in list", "台積電", "臺積電"),
        ("full-width Latin", "WHO", "ＷＨＯ"),
        ("full-width digits", "G7", "Ｇ７"),
        ("simplified spelling", "國家發展委員會", "国家发展委员会"),
        ("simplified 台", "臺灣", "台湾"),
        ("裡/裏 variant", "這裡", "這裏"),
        ("name dot variants", "羅伯特·科赫", "羅伯特‧科赫"),
    ])
    func folding(_ name: String, _ pattern: String, _ text: String) throws {
        #expect(try Self.found([pattern], in: text) == ["0:\(text)"], "\(name)")
    }

    @Test("unrelated characters do not fold together")
    func noFalseFold() throws {
        #expect(try Self.found(["國家"], in: "国家").count == 1)
        #expect(try Self.found(["國家"], in: "園家").isEmpty)
        // 颱 simplifies to 台, but 臺 is itself a dictionary character, so it keeps its identity.
        #expect(try Self.found(["颱風", "臺灣"], in: "臺風").isEmpty)
    }

    /// A small deterministic generator (SplitMix64), so that the random cases are the same on every run.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    @Test("scan reports what a naive search finds, in order of end then longest first")
    func agreesWithNaiveSearch() throws {
        // Twelve letters, 300 patterns of 1–5 letters: overlaps everywhere, long failure chains, and
        // states with more than eight edges (searched by halving, not linearly).
        let letters = Array("甲乙丙丁戊己庚辛壬癸子丑".unicodeScalars)
        var rng = SplitMix(state: 7)
        var distinct = Set<String>()
        while distinct.count < 300 {
            var s = String.UnicodeScalarView()
            for _ in 0...rng.next(5) { s.append(letters[rng.next(letters.count)]) }
            distinct.insert(String(s))
        }
        let patterns = distinct.sorted()
        let (a, _) = try Self.automaton(patterns)
        let needles = patterns.map { Array($0.unicodeScalars) }
        for _ in 0..<20 {
            let text = (0..<300).map { _ in letters[rng.next(letters.count)] }
            let found = a.scan(text)
            var expected: [String] = []
            for (p, needle) in needles.enumerated() {
                for i in 0...(text.count - needle.count) where Array(text[i..<(i + needle.count)]) == needle {
                    expected.append("\(i)-\(i + needle.count)-\(p)")
                }
            }
            #expect(found.map { "\($0.start)-\($0.end)-\($0.pattern)" }.sorted() == expected.sorted())
            #expect(zip(found, found.dropFirst()).allSatisfy { $0.end < $1.end || ($0.end == $1.end && $0.start < $1.start) })
        }
    }
}

@Suite("Tag: overlap policy")
struct TagOverlapPolicyTests {
    /// Matches written as "start-end" strings; pattern ids are their indexes.
    static func select(_ spans: [String]) -> [String] {
        let ms = spans.enumerated().map { i, s -> PatternMatch in
            let p = s.split(separator: "-").map { Int($0)! }
            return PatternMatch(start: p[0], end: p[1], pattern: Int32(i))
        }
        return OverlapPolicy.leftmostLongest(ms).map { "\($0.start)-\($0.end)" }
    }

    @Test(arguments: [
        ("nested: the longest wins", ["0-2", "0-5", "2-5"], ["0-5"]),
        ("leftmost beats a longer later one", ["1-6", "0-3"], ["0-3"]),
        ("adjacent matches both stay", ["0-2", "2-4"], ["0-2", "2-4"]),
        ("chain of overlaps", ["0-3", "2-5", "4-7"], ["0-3", "4-7"]),
        ("order of input does not matter", ["4-7", "2-5", "0-3"], ["0-3", "4-7"]),
        ("same span, first pattern kept once", ["0-2", "0-2"], ["0-2"]),
        ("empty span ignored", ["3-3", "0-1"], ["0-1"]),
    ])
    func policy(_ name: String, _ input: [String], _ expected: [String]) {
        #expect(Self.select(input) == expected, "\(name)")
    }

    @Test(arguments: [
        ("NCC alone", "NCC表示", 0, 3, false),
        ("inside NCCU", "NCCU表示", 0, 3, true),
        ("after Latin letter", "XNCC", 1, 4, true),
        ("Han neighbours are fine", "國NCC會", 1, 4, false),
    ])
    func latinWords(_ name: String, _ text: String, _ start: Int, _ end: Int, _ cuts: Bool) throws {
        let fold = try FoldTable.build(surfaces: [])
        #expect(OverlapPolicy.cutsLatinWord(Array(text.unicodeScalars), start: start, end: end, fold: fold) == cuts, "\(name)")
    }
}
