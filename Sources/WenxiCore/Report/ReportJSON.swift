// Direct one-line JSON for `Report`: each type writes its own fields straight into a byte
// buffer, in the order `JSONEncoder` with `.sortedKeys` puts them, omitting nil optionals as
// the synthesized `Codable` does (`encodeIfPresent`). No containers, no boxing, no sorting per
// object: encoding was a fifth of `wenxi analyze`'s CPU time through `Codable`.
//
// The bytes are exactly `JSONEncoder`'s with `[.sortedKeys, .withoutEscapingSlashes]`.
// ReportJSONTests compares the two over the golden fixtures and over reports that set every
// optional field, so a key added to a `CodingKeys` and forgotten here fails the tests.
// When you add a field to a type in this folder, add it here in its sorted place.

import Foundation

/// The output buffer and the JSON primitives: strings and integers as `JSONEncoder` writes them.
///
/// The bytes live in one allocation the writer owns (not an `Array`, whose every append checks
/// uniqueness and capacity through the runtime): an append is a compare and a store, a string's
/// run of unescaped bytes one `memcpy`. Non-copyable, so the buffer has exactly one owner;
/// `data()` hands it to a `Data` without copying.
struct JSONBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// The report's body while it is written (`withBody`), and the offsets of its bytes that
    /// need escaping, found in one scan: its sentences are slices of it, so each sentence and
    /// the body itself are then copied as runs between those offsets, not scanned again.
    private var body: UnsafeBufferPointer<UInt8>? = nil
    private var bodyEscapes = UnsafeBufferPointer<Int>(start: nil, count: 0)

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// A copy of the bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes as `Data`, which takes over the buffer (no copy).
    consuming func data() -> Data {
        let (base, count) = (self.base, self.count)
        discard self
        return Data(bytesNoCopy: base, count: count, deallocator: .custom { p, _ in
            p.assumingMemoryBound(to: UInt8.self).deallocate()
        })
    }

    /// Room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if count &+ n > capacity { grow(count &+ n) }
    }

    @inline(never)
    private mutating func grow(_ needed: Int) {
        var c = capacity
        while c < needed { c *= 2 }
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = c
    }

    @inline(__always)
    mutating func append(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ p: UnsafeBufferPointer<UInt8>) {
        guard let source = p.baseAddress, p.count > 0 else { return }
        reserve(p.count)
        (base + count).update(from: source, count: p.count)
        count &+= p.count
    }

    /// `"name":`, after a comma unless it is the object's first key. (A value never ends in `{`,
    /// so the last byte tells whether a key came before.)
    @inline(__always)
    mutating func key(_ name: StaticString) {
        let n = name.utf8CodeUnitCount
        reserve(n &+ 4)
        if count == 0 || base[count &- 1] != 0x7B { base[count] = 0x2C; count &+= 1 }
        base[count] = 0x22
        (base + (count &+ 1)).update(from: name.utf8Start, count: n)
        base[count &+ 1 &+ n] = 0x22
        base[count &+ 2 &+ n] = 0x3A
        count &+= n &+ 3
    }

    /// A runtime key (dictionary keys), escaped like any string. (Labelled so that literal keys
    /// take the `StaticString` overload above, not this one.)
    mutating func key(escaping name: String) {
        if count == 0 || base[count &- 1] != 0x7B { append(0x2C) }
        string(name)
        append(0x3A)
    }

    mutating func open() { append(0x7B) }
    mutating func close() { append(0x7D) }

    mutating func bool(_ b: Bool) {
        if b {
            for c: UInt8 in [0x74, 0x72, 0x75, 0x65] { append(c) } // true
        } else {
            for c: UInt8 in [0x66, 0x61, 0x6C, 0x73, 0x65] { append(c) } // false
        }
    }

    mutating func integer(_ i: Int) { integer(Int64(i)) }

    mutating func integer(_ i: Int64) {
        reserve(20)
        if i < 0 { base[count] = 0x2D; count &+= 1 }
        var m = i.magnitude
        // The digits are written from the last one back, straight into the buffer, two at a
        // time from the pair table (offsets and counts: one division by 100 per two digits).
        var p = count &+ Self.digitCount(m)
        count = p
        let pairs = Self.digitPairs
        while m >= 100 {
            let r = Int(truncatingIfNeeded: m % 100) &* 2
            m /= 100
            p &-= 2
            base[p] = pairs[r]
            base[p &+ 1] = pairs[r &+ 1]
        }
        if m >= 10 {
            let r = Int(truncatingIfNeeded: m) &* 2
            base[p &- 2] = pairs[r]
            base[p &- 1] = pairs[r &+ 1]
        } else {
            base[p &- 1] = UInt8(truncatingIfNeeded: m) &+ 0x30
        }
    }

    /// The decimal digits of 00 to 99, two bytes each.
    @inline(__always)
    private static var digitPairs: UnsafePointer<UInt8> {
        ("00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" as StaticString).utf8Start
    }

    /// How many decimal digits `m` has (compares for the usual offsets and counts).
    @inline(__always)
    private static func digitCount(_ m: UInt64) -> Int {
        if m < 10 { return 1 }
        if m < 100 { return 2 }
        if m < 1_000 { return 3 }
        if m < 10_000 { return 4 }
        if m < 100_000 { return 5 }
        var digits = 6
        var t = m / 1_000_000
        while t > 0 { t /= 10; digits &+= 1 }
        return digits
    }

    /// An enum's raw value (`EntityType`, `EntityRole` …: ASCII letters, `-` and `_`, nothing to
    /// escape) as a JSON string, copied from the static bytes without making a String.
    @inline(__always)
    mutating func plain(_ s: StaticString) {
        let n = s.utf8CodeUnitCount
        reserve(n &+ 2)
        base[count] = 0x22
        (base + (count &+ 1)).update(from: s.utf8Start, count: n)
        base[count &+ 1 &+ n] = 0x22
        count &+= n &+ 2
    }

    /// Whether any of eight bytes is below 0x20, `"` or `\` (exact: the bit tricks give no
    /// false positive when no byte matches).
    @inline(__always)
    private static func needsEscape(_ w: UInt64) -> Bool { escapeBits(w) != 0 }

    /// Nonzero when any of eight bytes is below 0x20, `"` or `\`, zero when none is: the usual
    /// tests (`x - 0x01…` with `~x`'s high bits) for a byte below 0x20 and for a zero byte of
    /// `w ^ 0x22…` and `w ^ 0x5C…`, sharing one mask: those XORs leave the high bits as in `w`.
    @inline(__always)
    private static func escapeBits(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = w &- ones &* 0x20
        let quote = (w ^ (ones &* 0x22)) &- ones
        let backslash = (w ^ (ones &* 0x5C)) &- ones
        return (below | quote | backslash) & ~w & highs
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: `"` and `\` escaped, the controls below U+0020 as `\b \f \n \r \t` or
    /// `\u00xx`; everything else (`/`, DEL, U+2028, U+2029, …) as its UTF-8 bytes.
    mutating func string(_ s: String) {
        // A native String's bytes are read in place; `withUTF8` would need a mutable copy (a
        // retain and a release per string written).
        if s.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) != nil { return }
        var s = s
        s.withUTF8 { string(utf8: $0) }
    }

    /// Where the first eight-byte word of `u` that holds a byte to escape starts (it may overlap
    /// the one before it); `u.count` when there is none, the usual case. A text shorter than
    /// eight bytes is read as one word (padded with `A`s below four bytes).
    @inline(__always)
    private static func firstEscapeWord(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        let n = u.count
        guard let p = u.baseAddress else { return 0 }
        if n < 8 {
            var w: UInt64 = 0x4141_4141_4141_4141
            if n >= 4 {
                // Two four-byte loads that overlap cover four to seven bytes (a two-character
                // CJK name is six) without a loop.
                let r = UnsafeRawPointer(p)
                w = UInt64(r.loadUnaligned(as: UInt32.self)) | UInt64(r.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) &<< 32
            } else {
                for k in 0..<n { w = w &<< 8 | UInt64(p[k]) }
            }
            return needsEscape(w) ? 0 : n
        }
        var i = 0
        while i &+ 8 < n {
            if needsEscape(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)) { return i }
            i &+= 8
        }
        return needsEscape(UnsafeRawPointer(p + (n &- 8)).loadUnaligned(as: UInt64.self)) ? n &- 8 : n
    }

    /// Whether the byte is written escaped.
    @inline(__always)
    private static func isEscaped(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C }

    /// The escape of one byte for which `isEscaped` holds.
    private mutating func escape(_ b: UInt8) {
        append(0x5C)
        switch b {
        case 0x22: append(0x22)
        case 0x5C: append(0x5C)
        case 0x08: append(0x62) // b
        case 0x0C: append(0x66) // f
        case 0x0A: append(0x6E) // n
        case 0x0D: append(0x72) // r
        case 0x09: append(0x74) // t
        default:
            for c in [0x75, 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]] { append(c) } // u00xx
        }
    }

    /// Runs `write` with `body` known: the offsets of its bytes to escape are found once (eight
    /// bytes at a time), and every string written meanwhile whose bytes lie inside `body` (the
    /// body itself, its sentences) is copied run by run between them without a scan of its own.
    mutating func withBody<R>(_ u: UnsafeBufferPointer<UInt8>, _ write: (inout JSONBytes) -> R) -> R {
        var escapes: [Int] = []
        if let p = u.baseAddress {
            let n = u.count
            var i = 0
            // Sixteen bytes a turn, two words at once. (`SIMD16<UInt8>` compares, tried, cost
            // ten times as many instructions.)
            while i &+ 16 <= n {
                let r = UnsafeRawPointer(p + i)
                if Self.escapeBits(r.loadUnaligned(as: UInt64.self)) | Self.escapeBits(r.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) != 0 {
                    for k in i..<(i &+ 16) where Self.isEscaped(p[k]) { escapes.append(k) }
                }
                i &+= 16
            }
            while i < n {
                if Self.isEscaped(p[i]) { escapes.append(i) }
                i &+= 1
            }
        }
        return escapes.withUnsafeBufferPointer { escapes in
            (body, bodyEscapes) = (u, escapes)
            defer { (body, bodyEscapes) = (nil, UnsafeBufferPointer(start: nil, count: 0)) }
            return write(&self)
        }
    }

    /// `string(utf8:)`, from the escapes `withBody` found when the bytes lie inside the body
    /// (live while `body` is set, so a pointer inside it is into it): a sentence. (Only the
    /// callers that may pass body bytes ask: the test costs every other string.)
    mutating func string(bodyOrUTF8 u: UnsafeBufferPointer<UInt8>) {
        if let body, let b = body.baseAddress, let s = u.baseAddress, s >= b, s + u.count <= b + body.count {
            bodyString(from: s - b, count: u.count, in: b)
        } else {
            string(utf8: u)
        }
    }

    /// `string` of `count` bytes at `from` in the body, escaped at the offsets `withBody` found.
    private mutating func bodyString(from: Int, count n: Int, in b: UnsafePointer<UInt8>) {
        // The first escape at or after `from` (binary search; a body has a few dozen).
        var lo = 0, hi = bodyEscapes.count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if bodyEscapes[mid] < from { lo = mid &+ 1 } else { hi = mid }
        }
        let end = from &+ n
        reserve(n &+ 2)
        base[count] = 0x22
        count &+= 1
        var run = from
        while lo < bodyEscapes.count {
            let e = bodyEscapes[lo]
            if e >= end { break }
            append(UnsafeBufferPointer(start: b + run, count: e &- run))
            escape(b[e])
            run = e &+ 1
            lo &+= 1
        }
        append(UnsafeBufferPointer(start: b + run, count: end &- run))
        append(0x22)
    }

    /// `string(utf8:)` of four to sixteen bytes with nothing to escape, from two overlapping
    /// loads of four or eight bytes, stored as loaded (room for the bytes and quotes reserved);
    /// false, with nothing written, when a byte needs escaping.
    @inline(__always)
    private mutating func shortString(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = u.count
        let r = UnsafeRawPointer(u.baseAddress!)
        let o = UnsafeMutableRawPointer(base + count)
        if n >= 8 {
            let a = r.loadUnaligned(as: UInt64.self), b = r.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
            if Self.escapeBits(a) | Self.escapeBits(b) != 0 { return false }
            o.storeBytes(of: a, toByteOffset: 1, as: UInt64.self)
            o.storeBytes(of: b, toByteOffset: n &- 7, as: UInt64.self)
        } else {
            let a = r.loadUnaligned(as: UInt32.self), b = r.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
            if Self.escapeBits(UInt64(a) | UInt64(b) &<< 32) != 0 { return false }
            o.storeBytes(of: a, toByteOffset: 1, as: UInt32.self)
            o.storeBytes(of: b, toByteOffset: n &- 3, as: UInt32.self)
        }
        base[count] = 0x22
        base[count &+ n &+ 1] = 0x22
        count &+= n &+ 2
        return true
    }

    /// `string(utf8:)` of more than eight bytes with nothing to escape: each eight-byte word is
    /// tested and stored as loaded, the last one overlapping the word before it (room for the
    /// bytes and quotes reserved); false, with nothing written, when a byte needs escaping.
    /// (The scan for escapes and then `memcpy` cost a call and a second pass.)
    @inline(__always)
    private mutating func wordString(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = u.count
        let r = UnsafeRawPointer(u.baseAddress!)
        let o = UnsafeMutableRawPointer(base + (count &+ 1))
        var i = 0
        while i &+ 8 < n {
            let w = r.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if Self.escapeBits(w) != 0 { return false }
            o.storeBytes(of: w, toByteOffset: i, as: UInt64.self)
            i &+= 8
        }
        let w = r.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        if Self.escapeBits(w) != 0 { return false }
        o.storeBytes(of: w, toByteOffset: n &- 8, as: UInt64.self)
        base[count] = 0x22
        base[count &+ n &+ 1] = 0x22
        count &+= n &+ 2
        return true
    }

    /// `string` of UTF-8 bytes.
    mutating func string(utf8 u: UnsafeBufferPointer<UInt8>) {
        // Room for the bytes and the quotes: escapes, rare, reserve their own.
        let n = u.count
        reserve(n &+ 2)
        // Four to sixteen bytes (most entity texts, names and ids): tested and copied by two
        // overlapping loads and stores, without a loop or a call to `memcpy`; up to 64 (sources,
        // long canonicals) eight bytes a load, tested and stored in the same step.
        if n >= 4 && n <= 16 { if shortString(u) { return } } else if n > 16 && n <= 64 && wordString(u) { return }
        base[count] = 0x22
        count &+= 1
        // Nothing to escape (most strings): one scan, one copy.
        var i = Self.firstEscapeWord(u)
        if i == n {
            if n > 0 { (base + count).update(from: u.baseAddress!, count: n) }
            base[count &+ n] = 0x22
            count &+= n &+ 1
            return
        }
        // From the word with the first escape on (the bytes before it are copied with the run).
        var runStart = 0
        while i < n {
            // Eight bytes at a time while none needs escaping (most text, all of CJK).
            while i + 8 <= n, !Self.needsEscape(UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
            }
            if i == n { break }
            let b = u[i]
            i += 1
            if b >= 0x20 && b != 0x22 && b != 0x5C { continue }
            if runStart < i - 1 { append(UnsafeBufferPointer(rebasing: u[runStart..<(i - 1)])) }
            runStart = i
            escape(b)
        }
        if runStart < n { append(UnsafeBufferPointer(rebasing: u[runStart..<n])) }
        append(0x22)
    }

    mutating func strings(_ list: [String]) {
        append(0x5B)
        list.withUnsafeBufferPointer { list in
            for i in list.indices {
                if i > 0 { append(0x2C) }
                string((list.baseAddress! + i).pointee)
            }
        }
        append(0x5D)
    }
}

/// A type that writes itself as one JSON object (or value) in `JSONEncoder`'s sorted-key form.
protocol DirectJSON {
    func writeJSON(to out: inout JSONBytes)
}

/// A type written in arrays of many (entities, sentences …): it writes itself from a pointer to
/// the array's element. Calling a method on `pointer.pointee` while the buffer is written makes
/// Swift copy the whole element first (the call might write through the pointer), and a copy of
/// an `Entity` retains and releases a dozen strings; reading each field through the pointer
/// copies nothing on the way to the bytes.
protocol DirectJSONElement: DirectJSON {
    static func writeJSON(at p: UnsafePointer<Self>, to out: inout JSONBytes)
}

extension DirectJSONElement {
    func writeJSON(to out: inout JSONBytes) {
        withUnsafePointer(to: self) { Self.writeJSON(at: $0, to: &out) }
    }
}

extension JSONBytes {
    mutating func value<T: DirectJSON>(_ v: T) { v.writeJSON(to: &self) }

    /// `values` of elements that write themselves from a pointer: no element is copied.
    mutating func values<T: DirectJSONElement>(_ list: [T]) {
        append(0x5B)
        list.withUnsafeBufferPointer { list in
            for i in list.indices {
                if i > 0 { append(0x2C) }
                T.writeJSON(at: list.baseAddress! + i, to: &self)
            }
        }
        append(0x5D)
    }

    /// A JSON array of `list`, each element written in place (borrowed from the array's storage,
    /// not copied out of it: a copy of an `Entity` retains a dozen strings).
    mutating func values<T: DirectJSON>(_ list: [T]) {
        append(0x5B)
        list.withUnsafeBufferPointer { list in
            for i in list.indices {
                if i > 0 { append(0x2C) }
                (list.baseAddress! + i).pointee.writeJSON(to: &self)  // `list[i]` would copy
            }
        }
        append(0x5D)
    }
}

extension Report: DirectJSON {
    /// The report as one line of JSON, byte for byte what `JSONEncoder` writes.
    func directJSON() -> [UInt8] { directJSONBuffer(newline: false).bytes }

    /// `directJSON()` as `Data` (the buffer handed over, not copied), with a final newline if asked.
    func directJSONData(newline: Bool) -> Data { directJSONBuffer(newline: newline).data() }

    private func directJSONBuffer(newline: Bool) -> JSONBytes {
        // Sized from what the line holds, so that the buffer is rarely grown (each growth copies
        // what was written): the text about twice (itself and its sentences), and a few hundred
        // bytes per entity mention with its share of the summary. Over the corpus a line is
        // 0.73 of this at the median and never above it.
        var mentions = entities.count + titleEntities.count
        for link in related { mentions += link.entities.count }
        var capacity = text.utf8.count * 5 / 2 + mentions * 256 + 4096
        if let tokens { capacity += tokens.count * 64 }
        var out = JSONBytes(capacity: capacity)
        writeJSON(to: &out)
        if newline { out.append(0x0A) }
        return out
    }

    func writeJSON(to out: inout JSONBytes) {
        // Written from a pointer to the report, its fields read through it: the closures below,
        // capturing `self`, made the compiler copy the whole report (every field retained, then
        // released; ~1,400 instructions a report).
        withUnsafePointer(to: self) { Report.writeJSON(at: $0, to: &out) }
    }

    private static func writeJSON(at p: UnsafePointer<Report>, to out: inout JSONBytes) {
        // The body's escapes found once for the body and its sentences (slices of it).
        if p.pointee.text.utf8.withContiguousStorageIfAvailable({ body in out.withBody(body) { writeFields(at: p, to: &$0) } }) == nil {
            writeFields(at: p, to: &out)
        }
    }

    private static func writeFields(at p: UnsafePointer<Report>, to out: inout JSONBytes) {
        out.open()
        if let byline = p.pointee.byline { out.key("byline"); out.value(byline) }
        out.key("captions"); out.strings(p.pointee.captions)
        if let credits = p.pointee.credits { out.key("credits"); out.value(credits) }
        out.key("entities"); out.values(p.pointee.entities)
        out.key("findings"); out.values(p.pointee.findings)
        if let id = p.pointee.id { out.key("id"); out.string(id) }
        out.key("meta"); out.value(p.pointee.meta)
        out.key("paragraphs"); out.values(p.pointee.paragraphs)
        out.key("related"); out.values(p.pointee.related)
        out.key("schema"); out.string(p.pointee.schema)
        out.key("sentences"); out.values(p.pointee.sentences)
        out.key("source"); out.value(p.pointee.source)
        out.key("stats"); out.value(p.pointee.stats)
        out.key("summary"); out.value(p.pointee.summary)
        out.key("text")
        if p.pointee.text.utf8.withContiguousStorageIfAvailable({ out.string(bodyOrUTF8: $0) }) == nil { out.string(p.pointee.text) }
        out.key("title_entities"); out.values(p.pointee.titleEntities)
        if let tokens = p.pointee.tokens { out.key("tokens"); out.values(tokens) }
        out.close()
    }
}

extension SourceInfo: DirectJSON {
    func writeJSON(to out: inout JSONBytes) {
        out.open()
        out.key("bytes"); out.integer(bytes)
        out.key("encoding"); out.string(encoding)
        out.key("format"); out.string(format.rawValue)
        out.key("path"); out.string(path)
        out.key("sha256"); out.string(sha256)
        out.close()
    }
}

extension Meta: DirectJSON {
    func writeJSON(to out: inout JSONBytes) {
        out.open()
        if let author { out.key("author"); out.string(author) }
        out.key("categories"); out.strings(categories)
        if let date { out.key("date"); out.string(date) }
        out.key("tags"); out.strings(tags)
        if let title { out.key("title"); out.string(title) }
        if let url { out.key("url"); out.string(url) }
        out.close()
    }
}

extension Span: DirectJSON {
    func writeJSON(to out: inout JSONBytes) {
        out.open()
        out.key("end"); out.integer(end)
        out.key("start"); out.integer(start)
        out.close()
    }
}

extension Sentence: DirectJSONElement {
    static func writeJSON(at p: UnsafePointer<Sentence>, to out: inout JSONBytes) {
        out.open()
        out.key("end"); out.integer(p.pointee.end)
        out.key("start"); out.integer(p.pointee.start)
        out.key("text")
        // A pipeline sentence's bytes are read in place from the body (no String is made).
        if p.pointee.withUTF8Bytes({ out.string(bodyOrUTF8: $0) }) == nil { out.string(p.pointee.text) }
        out.close()
    }
}

extension Token: DirectJSONElement {
    static func writeJSON(at p: UnsafePointer<Token>, to out: inout JSONBytes) {
        out.open()
        out.key("end"); out.integer(p.pointee.end)
        if let entity = p.pointee.entity { out.key("entity"); out.bool(entity) }
        out.key("kind"); out.string(p.pointee.kind.rawValue)
        out.key("start"); out.integer(p.pointee.start)
        out.key("text"); out.string(p.pointee.text)
        out.close()
    }
}

extension Stats: DirectJSON {
    func writeJSON(to out: inout JSONBytes) {
        out.open()
        out.key("characters"); out.integer(characters)
        out.key("paragraphs"); out.integer(paragraphs)
        out.key("sentences"); out.integer(sentences)
        out.key("tokens"); out.integer(tokens)
        out.close()
    }
}

extension Entity: DirectJSONElement {
    static func writeJSON(at p: UnsafePointer<Entity>, to out: inout JSONBytes) {
        out.open()
        if let ambiguous = p.pointee.ambiguous { out.key("ambiguous"); out.bool(ambiguous) }
        if let candidates = p.pointee.candidates { out.key("candidates"); out.strings(candidates) }
        if let canonical = p.pointee.canonical { out.key("canonical"); out.string(canonical) }
        if let currency = p.pointee.currency { out.key("currency"); out.string(currency) }
        if let date = p.pointee.date { out.key("date"); out.string(date) }
        out.key("end"); out.integer(p.pointee.end)
        if let equivalentOf = p.pointee.equivalentOf { out.key("equivalent_of"); out.value(equivalentOf) }
        if let holder = p.pointee.holder { out.key("holder"); out.value(holder) }
        if let id = p.pointee.id { out.key("id"); out.string(id) }
        if let inferred = p.pointee.inferred { out.key("inferred"); out.bool(inferred) }
        if let jurisdiction = p.pointee.jurisdiction { out.key("jurisdiction"); out.string(jurisdiction) }
        if let jurisdictionSource = p.pointee.jurisdictionSource { out.key("jurisdiction_source"); out.plain(jurisdictionSource.jsonValue) }
        if let level = p.pointee.level { out.key("level"); out.string(level) }
        if let parent = p.pointee.parent { out.key("parent"); out.string(parent) }
        if let qualifier = p.pointee.qualifier { out.key("qualifier"); out.string(qualifier) }
        if let rangeTo = p.pointee.rangeTo { out.key("range_to"); out.value(rangeTo) }
        if let role = p.pointee.role { out.key("role"); out.plain(role.jsonValue) }
        out.key("sentence"); out.integer(p.pointee.sentence)
        out.key("source"); out.string(p.pointee.source)
        out.key("start"); out.integer(p.pointee.start)
        out.key("text")
        // A pipeline entity's text is a slice of the body: its bytes are read in place.
        if Entity.withTextUTF8(at: p, { out.string(utf8: $0) }) == nil { out.string(Entity.text(at: p)) }
        out.key("type"); out.plain(p.pointee.type.jsonValue)
        if let unit = p.pointee.unit { out.key("unit"); out.string(unit) }
        if let value = p.pointee.value { out.key("value"); out.value(value) }
        out.close()
    }
}

extension Holder: DirectJSONElement {
    static func writeJSON(at p: UnsafePointer<Holder>, to out: inout JSONBytes) {
        out.open()
        if let canonical = p.pointee.canonical { out.key("canonical"); out.string(canonical) }
        out.key("end"); out.integer(p.pointee.end)
        if let id = p.pointee.id { out.key("id"); out.string(id) }
        out.key("start"); out.integer(p.pointee.start)
        out.key("text"); out.string(p.pointee.text)
        out.key("type"); out.plain(p.pointee.type.jsonValue)
        out.close()
    }
}

extension ExactNumber: DirectJSON {
    /// A JSON integer when whole and within Int64, else the decimal string (as `encode(to:)`).
    func writeJSON(to out: inout JSONBytes) {
        if let i = int64 { out.integer(i) } else { out.string(decimal) }
    }
}

extension Link: DirectJSONElement {
    static func writeJSON(at p: UnsafePointer<Link>, to out: inout JSONBytes) {
        out.open()
        out.key("entities"); out.values(p.pointee.entities)
        out.key("title"); out.string(p.pointee.title)
        out.key("url"); out.string(p.pointee.url)
        out.close()
    }
}

extension Finding: DirectJSONElement {
    static func writeJSON(at p: UnsafePointer<Finding>, to out: inout JSONBytes) {
        out.open()
        out.key("code"); out.string(p.pointee.code)
        if let line = p.pointee.line { out.key("line"); out.integer(line) }
        out.key("message"); out.string(p.pointee.message)
        if let offset = p.pointee.offset { out.key("offset"); out.integer(offset) }
        out.close()
    }
}

extension Summary: DirectJSON {
    func writeJSON(to out: inout JSONBytes) {
        out.open()
        out.key("dates"); out.strings(dates)
        out.key("entities")
        out.open()
        // The pairs sorted by key, each list written from its pair: sorting the keys and then
        // looking each one up hashed every key again.
        Summary.forEachSorted(entities) { type, list in out.key(escaping: type); out.values(list) }
        out.close()
        out.key("largest_amounts"); out.values(largestAmounts)
        out.key("money_by_holder"); out.values(moneyByHolder)
        out.key("money_by_role")
        out.open()
        Summary.forEachSorted(moneyByRole) { currency, roles in
            out.key(escaping: currency)
            out.open()
            Summary.forEachSorted(roles) { role, total in out.key(escaping: role); out.value(total) }
            out.close()
        }
        out.close()
        out.key("money_totals")
        out.open()
        Summary.forEachSorted(moneyTotals) { currency, total in out.key(escaping: currency); out.value(total) }
        out.close()
        out.close()
    }
}

extension Summary {
    /// `body` of each pair of `table` in order of key: sorted only when there are two or more
    /// (most documents have no money, and one currency when they do: sorting an empty or
    /// one-pair table still made an array of its pairs).
    @inline(__always)
    fileprivate static func forEachSorted<V>(_ table: [String: V], _ body: (String, V) -> Void) {
        if table.count <= 1 {
            for (key, value) in table { body(key, value) }
        } else {
            for (key, value) in table.sorted(by: { $0.key < $1.key }) { body(key, value) }
        }
    }
}

extension EntitySummary: DirectJSONElement {
    static func writeJSON(at p: UnsafePointer<EntitySummary>, to out: inout JSONBytes) {
        out.open()
        out.key("canonical"); out.string(p.pointee.canonical)
        if let firstSentence = p.pointee.firstSentence { out.key("first_sentence"); out.integer(firstSentence) }
        out.key("forms"); out.strings(p.pointee.forms)
        if let id = p.pointee.id { out.key("id"); out.string(id) }
        if let inTitle = p.pointee.inTitle { out.key("in_title"); out.bool(inTitle) }
        if let jurisdiction = p.pointee.jurisdiction { out.key("jurisdiction"); out.string(jurisdiction) }
        out.key("mentions"); out.integer(p.pointee.mentions)
        out.close()
    }
}

extension AmountSummary: DirectJSONElement {
    static func writeJSON(at p: UnsafePointer<AmountSummary>, to out: inout JSONBytes) {
        out.open()
        out.key("currency"); out.string(p.pointee.currency)
        if let holder = p.pointee.holder { out.key("holder"); out.string(holder) }
        if let role = p.pointee.role { out.key("role"); out.string(role) }
        out.key("sentence"); out.integer(p.pointee.sentence)
        out.key("sentence_text"); out.string(p.pointee.sentenceText)
        out.key("text"); out.string(p.pointee.text)
        out.key("value"); out.value(p.pointee.value)
        out.close()
    }
}

extension HolderMoney: DirectJSONElement {
    static func writeJSON(at p: UnsafePointer<HolderMoney>, to out: inout JSONBytes) {
        out.open()
        out.key("amounts"); out.integer(p.pointee.amounts)
        out.key("currency"); out.string(p.pointee.currency)
        out.key("holder"); out.string(p.pointee.holder)
        if let id = p.pointee.id { out.key("id"); out.string(id) }
        out.key("role"); out.string(p.pointee.role)
        out.key("total"); out.value(p.pointee.total)
        out.close()
    }
}

extension Byline: DirectJSON {
    func writeJSON(to out: inout JSONBytes) {
        out.open()
        out.key("agency"); out.string(agency)
        if let date { out.key("date"); out.string(date) }
        out.key("end"); out.integer(end)
        if let place { out.key("place"); out.string(place) }
        out.key("reporters"); out.strings(reporters)
        out.key("start"); out.integer(start)
        out.key("text"); out.string(text)
        out.close()
    }
}

extension Credits: DirectJSON {
    func writeJSON(to out: inout JSONBytes) {
        out.open()
        out.key("checkers"); out.strings(checkers)
        if let date { out.key("date"); out.string(date) }
        if let dateCode { out.key("date_code"); out.string(dateCode) }
        out.key("editors"); out.strings(editors)
        out.key("translators"); out.strings(translators)
        out.close()
    }
}

// The enums' raw values as static bytes for `JSONBytes.plain` (ReportJSONTests checks each case
// against its `rawValue`).
extension EntityType {
    var jsonValue: StaticString {
        switch self {
        case .person: "person"
        case .agency: "agency"
        case .organization: "organization"
        case .place: "place"
        case .money: "money"
        case .quantity: "quantity"
        case .percent: "percent"
        case .date: "date"
        }
    }
}

extension JurisdictionSource {
    var jsonValue: StaticString {
        switch self {
        case .name: "name"
        case .prefix: "prefix"
        case .backReference: "back-reference"
        case .context: "context"
        case .dateline: "dateline"
        case .title: "title"
        case .document: "document"
        case .script: "script"
        }
    }
}

extension EntityRole {
    var jsonValue: StaticString {
        switch self {
        case .budget: "budget"
        case .subsidy: "subsidy"
        case .fine: "fine"
        case .compensation: "compensation"
        case .price: "price"
        case .revenue: "revenue"
        case .profit: "profit"
        case .loss: "loss"
        case .investment: "investment"
        case .marketValue: "market_value"
        case .donation: "donation"
        case .salary: "salary"
        case .cost: "cost"
        case .assets: "assets"
        case .debt: "debt"
        case .other: "other"
        case .staff: "staff"
        }
    }
}
