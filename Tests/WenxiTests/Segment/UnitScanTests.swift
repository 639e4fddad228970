import Testing
@testable import Wenxi

/// `UnitScan` finds what the plain loops it replaces find, wherever the match sits against the
/// vector blocks (first unit, last unit, across a block edge, the tail after the last block).
@Suite("Segment: vector scans for units and scalars")
struct UnitScanTests {
    /// Texts of every length up to 40 with the wanted units at chosen places.
    static func texts() -> [[UInt16]] {
        var out: [[UInt16]] = []
        for n in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40] {
            let filler = Array(repeating: UInt16(0x4E00), count: n)
            out.append(filler)
            for at in Set([0, n / 2, max(0, n - 1), 7, 8, 15, 16, 17]) where at < n {
                var t = filler
                t[at] = 0xFF08
                out.append(t)
                var u = filler
                u[at] = 0x28
                if at + 3 < n { u[at + 3] = 0xFF08 }
                out.append(u)
            }
        }
        return out
    }

    @Test func firstUnitMatchesTheLoop() {
        for t in UnitScanTests.texts() {
            t.withUnsafeBufferPointer { u in
                for from in 0...t.count {
                    for end in from...t.count {
                        var plain = from
                        while plain < end && u[plain] != 0xFF08 && u[plain] != 0x28 { plain += 1 }
                        #expect(UnitScan.first(u, from: from, to: end, 0xFF08, 0x28) == plain, "\(t.count) \(from) \(end)")
                    }
                }
            }
        }
    }

    @Test func scalarsMatchTheLoops() {
        for t in UnitScanTests.texts() {
            let s = t.map { Unicode.Scalar($0)! }
            s.withUnsafeBufferPointer { p in
                for from in 0...s.count {
                    var plain = from
                    while plain < s.count && s[plain] != "（" && s[plain] != "(" { plain += 1 }
                    #expect(UnitScan.first(p, from: from, to: s.count, "（", "(") == plain, "\(s.count) \(from)")
                }
                for end in -2...(s.count + 2) {
                    var plain = min(end, s.count) - 1
                    while plain >= 0 && s[plain] != "（" && s[plain] != "(" { plain -= 1 }
                    #expect(UnitScan.last(p, before: end, "（", "(") == max(plain, -1), "\(s.count) \(end)")
                }
            }
        }
    }
}
