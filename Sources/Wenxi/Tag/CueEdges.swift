/// Where the document's cues start and end, as flags per text position: the rules ask at many
/// positions, and a table is cheaper to fill and to ask than a `Set<Int>`.
struct CueEdges {
    private var flags: [UInt8]
    private static let start: UInt8 = 1, end: UInt8 = 2

    /// The edges of the cues whose role passes `include`.
    init(_ doc: TaggingDocument, _ include: (CueRole) -> Bool) {
        flags = [UInt8](repeating: 0, count: doc.folded.count + 1)
        for c in doc.cues where include(c.hit.role) {
            flags[c.start] |= CueEdges.start
            flags[c.end] |= CueEdges.end
        }
    }

    func starts(at i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] & CueEdges.start != 0 }
    func ends(at i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] & CueEdges.end != 0 }
}

/// Scalars packed 21 bits each (up to three): a key for short head words that is hashed as one
/// integer, with no String built per position tested.
@inline(__always)
func packedScalars(_ f: [UInt32], _ start: Int, _ end: Int) -> UInt64 {
    var key: UInt64 = 0
    for i in start..<end { key = key << 21 | UInt64(f[i]) }
    return key
}
