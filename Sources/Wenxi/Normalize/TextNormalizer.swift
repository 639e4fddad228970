import Foundation

/// Unicode and whitespace clean-up of body text, applied to every paragraph, caption, link title
/// and front-matter string. It works on UTF-8 bytes in one pass and builds each String once.
///
/// What it does, in order of appearance:
/// - Line breaks: CRLF and CR become LF (`lineBreaks`); inside a paragraph every line break is
///   whitespace.
/// - Whitespace runs (space, tab, line breaks, form feed, NO-BREAK SPACE U+00A0, the U+2000–U+200A
///   spaces, U+202F, U+205F, U+1680) fold to one ASCII space, and to nothing at the paragraph's
///   edges. A run that holds a line break between two CJK (wide) characters folds to nothing: CJK
///   text has no spaces, the break only came from the source's line wrapping.
/// - IDEOGRAPHIC SPACE U+3000 is kept inside a paragraph (Chinese headlines use it as a separator,
///   `主教　欲關閉`), absorbs ASCII whitespace next to it, and is trimmed at the edges (indentation).
/// - Invisible format characters are removed: zero-width space/joiners U+200B–U+200D, LRM/RLM
///   U+200E–U+200F, bidi embeddings U+202A–U+202E and isolates U+2066–U+2069, word joiner and
///   invisible operators U+2060–U+2064, BOM/ZWNBSP U+FEFF, soft hyphen U+00AD, and control
///   characters other than whitespace (C0, DEL, C1).
/// - Unicode NFC. Full-width forms (`２０２３`, `ＡＢＣ`) are left as they are: they are NFC, and the
///   matchers fold them later, so offsets stay true to the source.
package enum TextNormalizer {
    /// CRLF and lone CR become LF.
    package static func lineBreaks(_ text: String) -> String {
        var copy = text
        let hasCR = copy.withUTF8 { buf in buf.count > 0 && memchr(buf.baseAddress!, 0x0D, buf.count) != nil }
        guard hasCR else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if b == 0x0D { out.append(0x0A); previousCR = true; continue }
            if b == 0x0A && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One clean paragraph from a string, or nil when nothing but whitespace is left.
    package static func paragraph(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { paragraph($0) }
    }

    /// One clean paragraph from UTF-8 bytes, or nil when nothing but whitespace is left.
    /// Ill-formed UTF-8 (not expected: the input was validated) is repaired with U+FFFD.
    package static func paragraph(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.isEmpty { return nil }
        var needsNFC = false
        // The output is never longer than the input: write it straight into the String's storage
        // (which also validates it, repairing any ill-formed byte with U+FFFD).
        let s = String(unsafeUninitializedCapacity: bytes.count) { out -> Int in
            let (o, nfc) = clean(bytes, into: out)
            needsNFC = nfc
            return o
        }
        if s.isEmpty { return nil }
        return needsNFC ? s.precomposedStringWithCanonicalMapping : s
    }

    /// The cleaning `paragraph` does, from `bytes` into `out` (at least `bytes.count` long): the
    /// number of bytes written, and whether they still need Unicode NFC. Ill-formed input is
    /// copied as it is (the caller repairs it, as a String initialiser does).
    static func clean(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> (count: Int, needsNFC: Bool) {
        let n = bytes.count
        var needsNFC = false
        do {
            var o = 0
            var pendingSpace = false
            var pendingBreak = false
            var lastWide = false
            var lastIdeographicSpace = false
            var i = 0
            while i < n {
                let b0 = bytes[i]
                // Printable ASCII: the common case in markup-free runs.
                if b0 > 0x20 && b0 < 0x7F {
                    if pendingSpace && o > 0 && !lastIdeographicSpace { out[o] = 0x20; o += 1 }
                    pendingSpace = false; pendingBreak = false; lastIdeographicSpace = false; lastWide = false
                    // The rest of the run leaves the state as it is: found, then copied in one go.
                    var j = i &+ 1
                    while j < n, bytes[j] &- 0x21 < 0x5E { j &+= 1 }
                    copy(bytes, i..<j, to: out, at: &o)
                    i = j
                    continue
                }
                // Han U+5000–U+9FFF (lead bytes E5–E9), the bulk of Chinese text: content, wide
                // and NFC-stable, whatever the continuation bytes say (as in the general path).
                // So are Han U+4E00–U+4FFF (E4 B8–BF: 一 不 中 人 …), CJK punctuation U+3001–U+303F
                // (E3 80 81–BF: 、。「」) and full-width forms U+FF00–U+FF3F (EF BC: ，：（）),
                // which the general path would classify one by one.
                if isPlainWide(bytes, at: i, end: n) {
                    if pendingSpace && o > 0 && !lastIdeographicSpace && !(pendingBreak && lastWide) {
                        out[o] = 0x20; o += 1
                    }
                    pendingSpace = false; pendingBreak = false; lastIdeographicSpace = false; lastWide = true
                    // This character and the rest of the run (which leaves the state as it is):
                    // found, then copied in one go.
                    var j = i &+ 3
                    while isPlainWide(bytes, at: j, end: n) { j &+= 3 }
                    copy(bytes, i..<j, to: out, at: &o)
                    i = j
                    continue
                }
                // An ill-formed byte decodes as (U+FFFD, 1): copied as is, repaired by the String
                // initialiser.
                let (v, len) = UTF8Text.decode(bytes, at: i, end: n)
                switch classify(v) {
                case .space:
                    pendingSpace = true
                case .lineBreak:
                    pendingSpace = true
                    pendingBreak = true
                case .invisible:
                    break
                case .ideographicSpace:
                    if o > 0 { out[o] = 0xE3; out[o + 1] = 0x80; out[o + 2] = 0x80; o += 3 }
                    pendingSpace = false; pendingBreak = false
                    lastIdeographicSpace = true
                    lastWide = true
                case .content:
                    let wide = isWide(v)
                    if pendingSpace && o > 0 && !lastIdeographicSpace && !(pendingBreak && lastWide && wide) {
                        out[o] = 0x20; o += 1
                    }
                    pendingSpace = false; pendingBreak = false
                    lastIdeographicSpace = false
                    for k in 0..<len { out[o + k] = bytes[i + k] }
                    o += len
                    lastWide = wide
                    if v >= 0x300 && !needsNFC && !isNFCStable(v) { needsNFC = true }
                }
                i += len
            }
            // Trailing ideographic spaces are padding: trim them.
            while o >= 3 && out[o - 3] == 0xE3 && out[o - 2] == 0x80 && out[o - 1] == 0x80 { o -= 3 }
            return (o, needsNFC)
        }
    }

    enum Class { case space, lineBreak, invisible, ideographicSpace, content }

    /// Copies `bytes[range]` to `out` at `o` (`memmove`; a run is copied as a whole rather than
    /// byte by byte) and moves `o` past it.
    @inline(__always)
    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                             to out: UnsafeMutableBufferPointer<UInt8>, at o: inout Int) {
        let count = range.upperBound &- range.lowerBound
        memmove(out.baseAddress! + o, bytes.baseAddress! + range.lowerBound, count)
        o &+= count
    }

    /// Whether the three bytes at `i` are a character `clean` copies as it is, setting only "the
    /// last was wide": Han U+4E00–U+9FFF, CJK punctuation U+3001–U+303F, full-width forms
    /// U+FF00–U+FF3F (content, wide and NFC-stable, whatever the continuation bytes say).
    @inline(__always)
    static func isPlainWide(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, end n: Int) -> Bool {
        guard i &+ 2 < n else { return false }
        let b0 = bytes[i]
        return b0 &- 0xE5 < 5
            || (b0 == 0xE4 && bytes[i &+ 1] >= 0xB8 && bytes[i &+ 1] <= 0xBF)
            || (b0 == 0xE3 && bytes[i &+ 1] == 0x80 && bytes[i &+ 2] >= 0x81 && bytes[i &+ 2] <= 0xBF)
            || (b0 == 0xEF && bytes[i &+ 1] == 0xBC && bytes[i &+ 2] >= 0x80 && bytes[i &+ 2] <= 0xBF)
    }

    @inline(__always)
    static func classify(_ v: UInt32) -> Class {
        if v < 0x80 {
            switch v {
            case 0x20, 0x09, 0x0B, 0x0C: return .space
            case 0x0A, 0x0D: return .lineBreak
            case 0x00..<0x20, 0x7F: return .invisible
            default: return .content
            }
        }
        if v < 0x3000 {
            switch v {
            case 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F: return .space
            case 0x85, 0x2028, 0x2029: return .lineBreak
            case 0x80...0x9F, 0xAD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069: return .invisible
            default: return .content
            }
        }
        if v == 0x3000 { return .ideographicSpace }
        if v == 0xFEFF { return .invisible }
        return .content
    }

    /// East Asian wide characters, between which a source line break is not a space.
    @inline(__always)
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E80...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Scalars at or above U+0300 that NFC leaves alone whatever surrounds them (Han, kana except
    /// the combining sound marks, Hangul syllables, CJK and general punctuation, full-width forms).
    /// Anything else sends the paragraph through Foundation's NFC.
    @inline(__always)
    static func isNFCStable(_ v: UInt32) -> Bool {
        switch v {
        case 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3098, 0x309B...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x2A6DF:
            return true
        default:
            return false
        }
    }
}
