import Foundation

/// Per-type summaries of named entities: for each type, the distinct entities (by id, else by
/// canonical name, else by surface form) in order of first occurrence, with their mention count,
/// surface forms (in order of first occurrence) and first sentence.
package enum EntitySummarizer {
    /// Distinct canonicals per type in order of first occurrence, the headline's (`title`)
    /// before the body's. `first_sentence` is the first body sentence naming it (absent when only
    /// the headline does); `in_title` marks those the headline names.
    package static func summarize(_ entities: [Entity], title: [Entity] = []) -> [String: [EntitySummary]] {
        var named = 0
        for list in [title, entities] {
            list.withUnsafeBufferPointer { list in
                for i in list.indices where EntitySummarizer.kind(list[i].type, staff: list[i].role == .staff) >= 0 { named += 1 }
            }
        }
        // The table sized for the named mentions only (money, dates and quantities are not
        // summarised here: sizing it for every entity cleared and allocated twice the room).
        var builder = Builder(capacity: named)
        // In order of start, then end (ties as given); the merged lists already are.
        title.withUnsafeBufferPointer { list in
            for i in order(list) { builder.add(list.baseAddress! + i, inTitle: true) }
        }
        entities.withUnsafeBufferPointer { list in
            for i in order(list) { builder.add(list.baseAddress! + i, inTitle: false) }
        }
        return builder.finish()
    }

    /// The summaries so far. (A struct, not a nested function: variables a nested function
    /// captures are boxed, and every access to them checked for exclusivity at run time.)
    private struct Builder {
        /// The summaries, one per distinct entity in order of first occurrence (the same order,
        /// and index, as `identities`), in memory of the builder's own: a mention is counted
        /// through the pointer. (Nested lists, `lists[kind][i].mentions += 1`, checked both
        /// arrays' uniqueness at every mention, and the compiler stopped inlining the checks.)
        /// `finish` moves them into one list per kind.
        var summaries: UnsafeMutablePointer<EntitySummary>
        var room: Int
        var identities: [Identity] = []
        /// How many distinct entities each summarised kind has.
        var perKind = [Int](repeating: 0, count: summaryKinds.count)
        /// Open addressing over `identities`: each slot holds an index into them, or -1; `hashes`
        /// beside it. Sized for every entity of the document (twice over), so it never fills.
        /// (A `Dictionary` keyed by `Identity` spent most of this stage in `Hasher` and in
        /// retaining the key's strings for every mention; this hashes the bytes once and compares
        /// in place.)
        var slots: [Int32]
        var hashes: [UInt64]
        let mask: Int

        init(capacity: Int) {
            var size = 16
            while size < 2 * capacity { size *= 2 }
            slots = [Int32](repeating: -1, count: size)
            hashes = [UInt64](repeating: 0, count: size)
            mask = size - 1
            identities.reserveCapacity(capacity)
            // Room for 64 at the first (a long document's distinct names are far fewer than
            // its mentions); doubled as needed, the summaries moved, not copied.
            room = max(1, min(capacity, 64))
            summaries = .allocate(capacity: room)
        }

        /// The summaries by kind name, moved out of the builder's memory, which is freed.
        consuming func finish() -> [String: [EntitySummary]] {
            var out: [String: [EntitySummary]] = [:]
            let n = identities.count
            identities.withUnsafeBufferPointer { identities in
                for kind in perKind.indices where perKind[kind] > 0 {
                    var list = [EntitySummary]()
                    list.reserveCapacity(perKind[kind])
                    for k in 0..<n where identities[k].kind == kind { list.append((summaries + k).move()) }
                    out[summaryKinds[kind]] = list
                }
            }
            summaries.deallocate()
            return out
        }

        /// Counts entity `e`, read in place (a copy of one retains a dozen strings).
        mutating func add(_ e: UnsafePointer<Entity>, inTitle: Bool) {
            // Staff of a byline or credit line are listed apart from the people the news is about.
            let kind = EntitySummarizer.kind(e.pointee.type, staff: e.pointee.role == .staff)
            guard kind >= 0 else { return }
            let hasID = e.pointee.id != nil
            let ambiguous = !hasID && e.pointee.ambiguous == true
            let hash = Builder.hash(e, kind: kind, ambiguous: ambiguous)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 {
                let k = Int(slots[slot])
                // The identity read in place (`identities[k].matches` copied it out first: its
                // strings retained and released).
                if hashes[slot] == hash && identities.withUnsafeBufferPointer({ Identity.matches($0.baseAddress! + k, e, kind: kind, ambiguous: ambiguous) }) {
                    let summary = summaries + k
                    summary.pointee.mentions += 1
                    // The text compared in place (a pipeline entity's is a slice of the body: a
                    // String is made only for a new form).
                    if !summary.pointee.forms.contains(where: { NameKey.equal($0, textOf: e) }) { summary.pointee.forms.append(Entity.text(at: e)) }
                    if !inTitle && summary.pointee.firstSentence == nil { summary.pointee.firstSentence = e.pointee.sentence }
                    return
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(identities.count)
            hashes[slot] = hash
            let id = e.pointee.id
            let text = Entity.text(at: e)  // made once per distinct entity
            identities.append(Identity(kind: kind, id: id, ambiguous: ambiguous,
                                       name: id != nil ? "" : (ambiguous ? text : e.pointee.canonical ?? text),
                                       jurisdiction: id != nil ? nil : e.pointee.jurisdiction))
            perKind[kind] += 1
            let k = identities.count - 1
            if k == room {
                let more = UnsafeMutablePointer<EntitySummary>.allocate(capacity: 2 * room)
                more.moveInitialize(from: summaries, count: room)
                summaries.deallocate()
                summaries = more
                room *= 2
            }
            // Every field given to the init (setting `inTitle` and `jurisdiction` afterwards
            // wrote the summary twice).
            (summaries + k).initialize(to: EntitySummary(canonical: e.pointee.canonical ?? text, id: id, mentions: 1,
                                             forms: [text], firstSentence: inTitle ? nil : e.pointee.sentence,
                                             inTitle: inTitle ? true : nil, jurisdiction: e.pointee.jurisdiction))
        }

        /// A hash of the identity of `e` that agrees with `Identity.matches`: the id's bytes when
        /// it has one, else the name's and the jurisdiction's (NFC forms).
        static func hash(_ e: UnsafePointer<Entity>, kind: Int, ambiguous: Bool) -> UInt64 {
            var h = UInt64(kind) &* 0x9E37_79B9_7F4A_7C15 ^ (ambiguous ? 0x5555 : 0)
            if let id = e.pointee.id {
                h = EntitySummarizer.mix(h ^ 1, id)
            } else {
                if !ambiguous, let canonical = e.pointee.canonical {
                    h = EntitySummarizer.mix(h ^ 2, canonical)
                } else {
                    h = EntitySummarizer.mixText(h ^ 2, of: e)
                }
                if let j = e.pointee.jurisdiction { h = EntitySummarizer.mix(h ^ 3, j) }
            }
            return h
        }
    }

    /// `h` mixed with the UTF-8 of the NFC form of `s`, eight bytes at a time: canonically
    /// equal strings, which `==` calls equal, hash alike. (Most text is NFC already, which
    /// `NameKey.isNFC` sees on the bytes; the others are normalised first.)
    static func mix(_ h: UInt64, _ s: String) -> UInt64 {
        if let known = s.utf8.withContiguousStorageIfAvailable({ NameKey.isNFC($0) ? words(h, $0) : nil }), let h = known {
            return h
        }
        var nfc = s.precomposedStringWithCanonicalMapping
        return nfc.withUTF8 { words(h, $0) }
    }

    /// `mix(h, e.text)`, from the text's bytes in place when they are NFC.
    static func mixText(_ h: UInt64, of e: UnsafePointer<Entity>) -> UInt64 {
        let (base, bytes) = Entity.textBytes(at: e)
        if let known = base.utf8.withContiguousStorageIfAvailable({ u -> UInt64? in
            let t = bytes.map { UnsafeBufferPointer(rebasing: u[$0]) } ?? u
            return NameKey.isNFC(t) ? words(h, t) : nil
        }), let h = known {
            return h
        }
        return mix(h, Entity.text(at: e))
    }

    /// `h` mixed with the bytes of `u`, eight at a time; the last up to seven bytes as one word
    /// that overlaps the one before it (or, below eight bytes, two overlapping four-byte loads),
    /// not byte by byte. (Only the table's probing depends on the hash: summaries are listed in
    /// order of first mention and told apart by `Identity.matches`.)
    private static func words(_ h: UInt64, _ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = u.count
        var h = h ^ UInt64(n)
        guard let p = u.baseAddress, n > 0 else { return h }
        let r = UnsafeRawPointer(p)
        var tail: UInt64
        if n >= 8 {
            var i = 0
            while i &+ 8 < n {
                h = (h ^ r.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                i &+= 8
            }
            tail = r.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
        } else if n >= 4 {
            tail = UInt64(r.loadUnaligned(as: UInt32.self)) | UInt64(r.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) &<< 32
        } else {
            tail = 0
            for k in 0..<n { tail = tail &<< 8 | UInt64(p[k]) }
        }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 31)
    }

    /// Index into `summaryKinds` of an entity of `type` (`staff`: a person of a byline or credit
    /// line); -1 for types not summarised.
    static func kind(_ type: EntityType, staff: Bool) -> Int {
        switch type {
        case .agency: 0
        case .organization: 1
        case .person: staff ? 4 : 2
        case .place: 3
        case .money, .quantity, .percent, .date: -1
        }
    }

    /// Indexes of `list` by start, then end, then index: `0..<count` when already in that order.
    private static func order(_ list: UnsafeBufferPointer<Entity>) -> [Int] {
        var sorted = true
        for i in list.indices.dropFirst() where (list[i - 1].start, list[i - 1].end) > (list[i].start, list[i].end) {
            sorted = false
            break
        }
        if sorted { return Array(list.indices) }
        return list.indices.sorted { (list[$0].start, list[$0].end, $0) < (list[$1].start, list[$1].end, $1) }
    }

    /// The summary's keys: the entity kinds, and `staff` (persons with `role: "staff"`).
    static let summaryKinds = EntityType.named.map(\.rawValue) + ["staff"]
    private struct Identity {
        var kind: Int
        var id: String?
        var ambiguous: Bool
        var name: String
        var jurisdiction: String?

        /// Whether entity `e` (of summary kind `kind`) is the identity at `p`: the same kind,
        /// then the same id, else the same ambiguity, name (canonically equal) and jurisdiction.
        /// (Both read in place.)
        static func matches(_ p: UnsafePointer<Identity>, _ e: UnsafePointer<Entity>, kind: Int, ambiguous: Bool) -> Bool {
            guard p.pointee.kind == kind, p.pointee.ambiguous == ambiguous else { return false }
            if let id = p.pointee.id {
                guard let other = e.pointee.id else { return false }
                return id == other
            }
            guard e.pointee.id == nil, p.pointee.jurisdiction == e.pointee.jurisdiction else { return false }
            if !ambiguous, let canonical = e.pointee.canonical { return NameKey.equal(p.pointee.name, canonical) }
            return NameKey.equal(p.pointee.name, textOf: e)
        }
    }

    /// A name compared as `String` compares (canonical equivalence), hashed by its UTF-8 bytes
    /// when it is already NFC — String's own hash walks every non-ASCII text through NFC — and
    /// by its NFC form's bytes otherwise, so that equal names hash alike either way.
    struct NameKey: Hashable {
        let string: String
        init(_ string: String) { self.string = string }

        static func == (a: NameKey, b: NameKey) -> Bool { equal(a.string, b.string) }

        /// `a == b`, answered from the bytes when both are NFC.
        static func equal(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            let decided: Bool? = a.withUTF8 { x in
                b.withUTF8 { y in
                    if x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) { return true }
                    return isNFC(x) && isNFC(y) ? false : nil
                }
            }
            return decided ?? (a == b)
        }

        /// `equal(a, e.text)`, from the text's bytes in place when both are NFC.
        static func equal(_ a: String, textOf e: UnsafePointer<Entity>) -> Bool {
            var a = a
            var (base, bytes) = Entity.textBytes(at: e)
            let decided = a.withUTF8 { x -> Bool? in
                base.withUTF8 { u -> Bool? in
                    let y = bytes.map { UnsafeBufferPointer(rebasing: u[$0]) } ?? u
                    if x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) { return true }
                    return isNFC(x) && isNFC(y) ? false : nil
                }
            }
            if let decided { return decided }
            return a == Entity.text(at: e)
        }

        func hash(into hasher: inout Hasher) {
            var s = string
            let hashed = s.withUTF8 { u -> Bool in
                guard Self.isNFC(u) else { return false }
                hasher.combine(bytes: UnsafeRawBufferPointer(u))
                return true
            }
            if !hashed {
                var nfc = string.precomposedStringWithCanonicalMapping
                nfc.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
        }

        /// True when the text is surely NFC: scalars below U+0300 (none combines with another
        /// of them) and those NFC leaves alone whatever surrounds them.
        static func isNFC(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            // ASCII (ids, sources, Latin names) eight bytes a test.
            if let p = u.baseAddress {
                while i &+ 8 <= u.count && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i &+= 8 }
            }
            while i < u.count {
                let b = u[i]
                if b < 0x80 { i += 1; continue }
                // U+4E00 to U+9FFF (lead byte E5 to E9, or E4 before B8 or above), most of a
                // Chinese name: NFC-stable (`isNFCStable`) without decoding the scalar.
                if b >= 0xE5 && b <= 0xE9 || b == 0xE4 && i &+ 1 < u.count && u[i &+ 1] >= 0xB8 { i &+= 3; continue }
                let (v, length) = UTF8Text.decode(u, at: i, end: u.count)
                if v >= 0x300 && !TextNormalizer.isNFCStable(v) { return false }
                i += length
            }
            return true
        }
    }
}
