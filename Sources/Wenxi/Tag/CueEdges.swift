/// Where the document's cues start and end, as flags per text position: the rules ask at many
/// positions, and a table is cheaper to fill and to ask than a `Set<Int>`.
///
/// One table a document holds the edges of all three roles (`TaggingDocument.cueFlags`, two bits a
/// role, filled once when the cues are found); an instance is a view of it through the bits of the
/// roles it was made for. Five rules and the name model each made a table of their own (an
/// allocation, a `memset` and a pass over the cues each, about 1.1 M instructions at
/// `scripts/tag-instructions --every 30`).
struct CueEdges {
    private let flags: [UInt8]
    private let startBits: UInt8, endBits: UInt8

    /// The bit of `role`'s starts in `TaggingDocument.cueFlags`; its ends' bit is the next one.
    @inline(__always) static func startBit(_ role: CueRole) -> UInt8 {
        switch role {
        case .before: 1
        case .after: 4
        case .credit: 16
        }
    }

    /// The flags of `cues` over a text of `count` positions (empty when there are no cues).
    static func flags(_ cues: [(start: Int, end: Int, hit: CueHit)], count: Int) -> [UInt8] {
        guard !cues.isEmpty else { return [] }
        var flags = [UInt8](repeating: 0, count: count + 1)
        for c in cues {
            let bit = startBit(c.hit.role)
            flags[c.start] |= bit
            flags[c.end] |= bit << 1
        }
        return flags
    }

    /// The edges of the cues whose role passes `include`. The document is borrowed (`__shared`):
    /// an initializer owns its arguments by default, so each call copied the whole document.
    init(_ doc: __shared TaggingDocument, _ include: (CueRole) -> Bool) {
        var starts: UInt8 = 0
        if include(.before) { starts |= CueEdges.startBit(.before) }
        if include(.after) { starts |= CueEdges.startBit(.after) }
        if include(.credit) { starts |= CueEdges.startBit(.credit) }
        flags = doc.cueFlags
        startBits = starts
        endBits = starts << 1
    }

    func starts(at i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] & startBits != 0 }
    func ends(at i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] & endBits != 0 }
}

/// Scalars packed 21 bits each (up to three): a key for short head words that is hashed as one
/// integer, with no String built per position tested.
@inline(__always)
func packedScalars(_ f: [UInt32], _ start: Int, _ end: Int) -> UInt64 {
    var key: UInt64 = 0
    for i in start..<end { key = key << 21 | UInt64(f[i]) }
    return key
}
