internal import CICU
import Foundation

/// The per-scalar fold the matcher runs over: every scalar maps to exactly one scalar, so a match
/// in the folded view has the same offsets in the original text. Dictionary surfaces and document
/// text go through the same table, so a fold can only add matches, never lose one.
///
/// Three layers, applied in order:
/// 1. width: full-width ASCII forms U+FF01–FF5E → U+0021–007E, U+3000 → space; name-separator dots
///    (U+00B7, U+2027, U+30FB, U+FF65, U+2219, U+22C5) → U+00B7;
/// 2. `variantPairs`: common Traditional variant characters → one representative (台 → 臺 …);
/// 3. Simplified → Traditional, built once from ICU's `Traditional-Simplified` transliterator over
///    the characters of the dictionaries: for each dictionary character T whose simplified form S is
///    a different single character that is not itself a dictionary character, S → T (when several T
///    share one S, the T used most often in the dictionaries wins, then the lowest code point).
package struct FoldTable: Sendable {
    /// BMP scalars: folded value (identity when unmapped).
    private let bmp: [UInt32]
    /// Supplementary-plane scalars with a fold (rare).
    private let astral: [UInt32: UInt32]
    /// Number of Simplified → Traditional pairs built from ICU.
    package let simplifiedPairs: Int

    /// Documented variant pairs: (variant, representative). Both sides fold to the representative.
    package static let variantPairs: [(String, String)] = [
        ("台", "臺"), ("着", "著"), ("裏", "裡"), ("綫", "線"), ("峯", "峰"), ("羣", "群"), ("鄕", "鄉"),
        ("爲", "為"), ("衞", "衛"), ("眞", "真"), ("敎", "教"), ("麪", "麵"), ("温", "溫"), ("説", "說"),
        ("内", "內"), ("册", "冊"), ("戸", "戶"), ("户", "戶"), ("啓", "啟"), ("衆", "眾"), ("緖", "緒"),
        ("淸", "清"), ("値", "值"), ("兑", "兌"), ("税", "稅"), ("鋭", "銳"), ("閲", "閱"), ("脱", "脫"),
        ("奬", "獎"), ("僞", "偽"), ("顔", "顏"), ("彦", "彥"), ("査", "查"), ("靑", "青"), ("黄", "黃"),
        ("汚", "污"), ("汙", "污"), ("吿", "告"), ("擧", "舉"), ("硏", "研"), ("槪", "概"), ("卽", "即"),
        ("旣", "既"), ("祕", "秘"), ("鷄", "雞"), ("姸", "妍"), ("葱", "蔥"), ("舘", "館"),
    ]

    private static let variantMap: [UInt32: UInt32] = {
        var m: [UInt32: UInt32] = [:]
        for (v, r) in variantPairs {
            let vs = v.unicodeScalars.first!.value, rs = r.unicodeScalars.first!.value
            if vs != rs { m[vs] = rs }
        }
        return m
    }()

    init(bmp: [UInt32], astral: [UInt32: UInt32], simplifiedPairs: Int) {
        self.bmp = bmp
        self.astral = astral
        self.simplifiedPairs = simplifiedPairs
    }

    /// The fold of one scalar value.
    @inline(__always)
    package func fold(_ c: UInt32) -> UInt32 {
        c < 0x10000 ? bmp[Int(c)] : (astral[c] ?? c)
    }

    /// The raw tables, for a pass that folds and reads other tables in the same loop
    /// (`RuleMarkTable.foldAndMark`): the BMP's folds by scalar, and the other planes' folds.
    @inline(__always)
    func withTables<R>(_ body: (UnsafeBufferPointer<UInt32>, [UInt32: UInt32]) -> R) -> R {
        bmp.withUnsafeBufferPointer { body($0, astral) }
    }

    /// The fold of every scalar of `text` (what the tagger matches and compares against), read
    /// through the raw table: per scalar this is a load, with no bounds checks or retains.
    package func fold(_ text: [Unicode.Scalar]) -> [UInt32] {
        bmp.withUnsafeBufferPointer { table in
            text.withUnsafeBufferPointer { src in
                [UInt32](unsafeUninitializedCapacity: src.count) { out, n in
                    for i in 0..<src.count {
                        let c = src[i].value
                        out[i] = c < 0x10000 ? table[Int(c)] : (astral[c] ?? c)
                    }
                    n = src.count
                }
            }
        }
    }

    /// The fold of every scalar of `s`.
    package func fold(_ s: String) -> String {
        // Most dictionary text is already folded: then the String itself is the answer (building
        // a copy scalar by scalar was most of the cost of the lexicon's folds at start-up).
        var same = true
        for u in s.unicodeScalars where fold(u.value) != u.value { same = false; break }
        if same { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { out.append(Unicode.Scalar(fold(u.value)) ?? u) }
        return String(out)
    }

    /// Builds the table for dictionary surfaces `surfaces` (ICU runs once over their distinct
    /// characters, or its answer is read from `cache`).
    package static func build(surfaces: [String], cache: FoldCache? = nil) throws -> FoldTable {
        // The width and variant layers (no ICU) over the BMP, written as identity plus their few
        // exceptions (no hashing per scalar).
        var bmp = [UInt32](unsafeUninitializedCapacity: 0x10000) { buf, n in
            for c in 0..<0x10000 { buf[c] = UInt32(c) }
            n = 0x10000
        }
        for c in 0xFF01...0xFF5E { bmp[c] = UInt32(c - 0xFF01 + 0x21) }
        bmp[0x3000] = 0x20
        for c in [0x2027, 0x30FB, 0xFF65, 0x2219, 0x22C5] { bmp[c] = 0xB7 }
        for (v, r) in variantMap where v < 0x10000 { bmp[Int(v)] = r }
        var astral: [UInt32: UInt32] = [:]

        // Distinct base-folded dictionary characters (Han only) with their counts: a flat count
        // array over the BMP, a dictionary only for supplementary-plane characters.
        var bmpCounts = [Int32](repeating: 0, count: 0x10000)
        var astralCounts: [UInt32: Int] = [:]
        bmp.withUnsafeBufferPointer { fb in
            bmpCounts.withUnsafeMutableBufferPointer { cb in
                for s in surfaces {
                    for u in s.unicodeScalars {
                        let v = u.value
                        if v < 0x10000 {
                            let f = fb[Int(v)]
                            if isHan(f) {
                                if f < 0x10000 { cb[Int(f)] += 1 } else { astralCounts[f, default: 0] += 1 }
                            }
                        } else if isHan(v) {
                            astralCounts[v, default: 0] += 1
                        }
                    }
                }
            }
        }
        var counts: [UInt32: Int] = [:]
        var chars: [UInt32] = []
        for c in 0..<0x10000 where bmpCounts[c] > 0 {
            chars.append(UInt32(c))
        }
        counts.reserveCapacity(chars.count + astralCounts.count)
        for c in chars { counts[c] = Int(bmpCounts[Int(c)]) }
        for (c, n) in astralCounts { counts[c] = n }
        chars.append(contentsOf: astralCounts.keys.sorted())
        let simplified = try simplify(chars, cache: cache)
        var best: [UInt32: UInt32] = [:]
        for (t, s) in zip(chars, simplified) {
            guard let s else { continue }
            let bs = s < 0x10000 ? bmp[Int(s)] : s
            if bs == t || counts[bs] != nil { continue }
            if let cur = best[bs] {
                let ct = counts[t]!, cc = counts[cur]!
                if ct > cc || (ct == cc && t < cur) { best[bs] = t }
            } else {
                best[bs] = t
            }
        }
        for (s, t) in best {
            if s < 0x10000 { bmp[Int(s)] = t } else { astral[s] = t }
        }
        // Scalars whose base fold is a simplified key (e.g. a full-width or variant spelling of one).
        for c in 0..<0x10000 where bmp[c] != UInt32(c) {
            let b = bmp[c]
            if b < 0x10000, let t = best[b], c != Int(b) { bmp[c] = t }
        }
        return FoldTable(bmp: bmp, astral: astral, simplifiedPairs: best.count)
    }

    static func isHan(_ c: UInt32) -> Bool {
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
            || (c >= 0x20000 && c <= 0x3134F)
    }

    /// The simplified form of each character, when it is a single scalar. Opening ICU's
    /// Traditional-Simplified transliterator compiles its rules (~90 ms), so the answer may be
    /// kept in `cache` (a file keyed by the characters and ICU's version). Without a cache nothing
    /// is read or written; a missing, unreadable or unwritable cache only costs time.
    static func simplify(_ chars: [UInt32], cache: FoldCache? = nil) throws -> [UInt32?] {
        if chars.isEmpty { return [] }
        // Small sets (tests, tiny user setups) are not worth a cache file each.
        let name = chars.count < 500 ? nil : cacheFileName(chars)
        let path = name.flatMap { name in cache.map { $0.directory.appendingPathComponent(name).path } }
        if let path, let data = FileManager.default.contents(atPath: path), data.count == chars.count * 4 {
            return data.withUnsafeBytes { raw in
                (0..<chars.count).map { i -> UInt32? in
                    let v = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                    return v == 0 ? nil : v
                }
            }
        }
        let result = try simplifyWithICU(chars)
        if let path, let cache, cache.writable {
            var data = Data(capacity: chars.count * 4)
            for r in result { withUnsafeBytes(of: (r ?? 0).littleEndian) { data.append(contentsOf: $0) } }
            try? FileManager.default.createDirectory(at: cache.directory, withIntermediateDirectories: true)
            let tmp = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
            if FileManager.default.createFile(atPath: tmp, contents: data) {
                if rename(tmp, path) != 0 { try? FileManager.default.removeItem(atPath: tmp) }
            }
        }
        return result
    }

    /// `simplified-icu<version>-<hash of the characters>.bin`.
    static func cacheFileName(_ chars: [UInt32]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for c in chars { h = (h ^ UInt64(c)) &* 0x100000001b3 }
        return "simplified-icu\(VersionInfo.icuVersion)-\(String(h, radix: 16)).bin"
    }

    static func simplifyWithICU(_ chars: [UInt32]) throws -> [UInt32?] {
        var status: Int32 = 0
        guard let t = wenxi_translit_open("Traditional-Simplified", &status) else {
            throw ICUStatus(status).error("transliterator Traditional-Simplified")
        }
        defer { wenxi_translit_close(t) }
        // One character per line, so that ICU's phrase rules cannot join neighbours.
        var units: [UInt16] = []
        units.reserveCapacity(chars.count * 3)
        for c in chars {
            for u in String(Unicode.Scalar(c)!).utf16 { units.append(u) }
            units.append(0x0A)
        }
        var capacity = units.count * 2 + 16
        var out: [UInt16] = []
        while true {
            var buf = units + [UInt16](repeating: 0, count: capacity - units.count)
            var st: Int32 = 0
            let n = buf.withUnsafeMutableBufferPointer {
                wenxi_translit_chars(t, $0.baseAddress, Int32(units.count), Int32(capacity), &st)
            }
            if ICUStatus(st) == .bufferOverflow { capacity = Int(n) + 16; continue }
            try ICUStatus(st).check("transliteration")
            out = Array(buf[0..<Int(n)])
            break
        }
        let lines = String(decoding: out, as: UTF16.self).split(separator: "\n", omittingEmptySubsequences: false)
        var result: [UInt32?] = []
        result.reserveCapacity(chars.count)
        for i in 0..<chars.count {
            guard i < lines.count else { result.append(nil); continue }
            let scalars = lines[i].unicodeScalars
            result.append(scalars.count == 1 ? scalars.first!.value : nil)
        }
        return result
    }
}

/// A folder where the fold table may keep ICU's answer between runs: building the table without
/// one opens ICU's transliterator (~90 ms). The library never picks a folder by itself.
public struct FoldCache: Sendable, Equatable {
    /// The folder of the cache files (`simplified-icu<version>-<hash>.bin`).
    package var directory: URL
    /// Whether an answer computed because no file held it is written there (else only read).
    package var writable: Bool

    /// A cache in `directory`; `writable: false` only reads it.
    public init(directory: URL, writable: Bool) {
        self.directory = directory
        self.writable = writable
    }
}
