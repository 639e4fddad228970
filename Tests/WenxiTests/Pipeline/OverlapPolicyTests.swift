import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Overlap policy: leftmost-longest and longest-first")
struct OverlapPolicyTests {
    static func spans(_ written: [String]) -> [(start: Int, end: Int)] {
        written.map { s in
            let p = s.split(separator: "-").map { Int($0)! }
            return (start: p[0], end: p[1])
        }
    }

    static func written(_ spans: [(start: Int, end: Int)]) -> [String] { spans.map { "\($0.start)-\($0.end)" } }

    /// name, spans ("start-end"), what leftmost-longest keeps, what longest-first keeps.
    @Test(arguments: [
        ("disjoint: both stay", ["0-2", "3-5"], ["0-2", "3-5"], ["0-2", "3-5"]),
        ("adjacent: both stay", ["2-4", "0-2"], ["0-2", "2-4"], ["0-2", "2-4"]),
        ("nested: the longest", ["0-2", "0-5", "2-5"], ["0-5"], ["0-5"]),
        ("leftmost beats a longer later span; longest-first the reverse", ["0-3", "2-8"], ["0-3"], ["2-8"]),
        ("equal length: the earlier start", ["1-3", "0-2"], ["0-2"], ["0-2"]),
        ("chain: ends kept, or the long middle", ["0-4", "3-9", "8-10"], ["0-4", "8-10"], ["3-9"]),
        ("empty spans: dropped, or kept as they overlap nothing", ["3-3", "0-1"], ["0-1"], ["0-1", "3-3"]),
    ])
    func policy(_ name: String, _ input: [String], _ leftmost: [String], _ longest: [String]) {
        let s = Self.spans(input)
        #expect(Self.written(OverlapPolicy.leftmostLongest(spans: s)) == leftmost, "\(name)")
        #expect(Self.written(OverlapPolicy.longestFirst(s).map { s[$0] }) == longest, "\(name)")
    }

    @Test func longestFirstTiesGoToTheEarlierIndex() {
        // Same span twice: the first given (the tagger's, in the merge) is kept.
        #expect(OverlapPolicy.longestFirst(Self.spans(["0-3", "0-3"])) == [0])
        #expect(OverlapPolicy.longestFirst(Self.spans(["5-6", "0-3", "0-3"])) == [1, 0])
    }
}

@Suite("Assemble: entity merge (longest-first)")
struct MergePolicyTests {
    static func e(_ type: EntityType, _ start: Int, _ end: Int) -> Entity {
        Entity(type: type, text: String(repeating: "字", count: end - start), start: start, end: end, source: "t")
    }

    @Test(arguments: [
        ("disjoint both kept", [e(.place, 0, 2)], [e(.money, 3, 6)], ["place 0-2", "money 3-6"]),
        ("longer numeric wins over shorter named", [e(.place, 0, 2)], [e(.date, 0, 4)], ["date 0-4"]),
        ("longer named wins over shorter numeric", [e(.agency, 2, 8)], [e(.quantity, 5, 7)], ["agency 2-8"]),
        ("equal length: earlier start wins", [e(.place, 1, 3)], [e(.money, 0, 2)], ["money 0-2"]),
        ("equal span: named wins", [e(.person, 0, 3)], [e(.date, 0, 3)], ["person 0-3"]),
    ])
    func resolvesOverlaps(_ label: String, _ named: [Entity], _ numeric: [Entity], _ expected: [String]) {
        let merged = EntityMerger.merge(named, numeric, sentences: [Span(start: 0, end: 10)])
        #expect(merged.map { "\($0.type) \($0.start)-\($0.end)" } == expected, "\(label)")
    }

    @Test func assignsSentenceIndices() {
        let merged = EntityMerger.merge([Self.e(.place, 0, 1), Self.e(.place, 5, 6)], [Self.e(.money, 9, 10)],
                                    sentences: [Span(start: 0, end: 4), Span(start: 4, end: 8), Span(start: 8, end: 12)])
        #expect(merged.map(\.sentence) == [0, 1, 2])
    }
}
