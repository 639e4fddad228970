internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Article text out of HTML: libxml2's HTML parser (with recovery) reads the markup and its SAX
/// callbacks build a compact tree (`SAXTree`: nodes in one array, text and the few attribute
/// values read in one byte buffer) in place of libxml2's own tree of allocated nodes; one walk
/// over it collects body paragraphs, image captions and related links, dropping boilerplate (see
/// `BoilerplateRules`). Text is gathered as UTF-8 bytes and cleaned by `TextNormalizer`.
///
/// The compact tree has the shape libxml2's tree builder (`xmlSAX2StartElement` and friends in
/// libxml2 2.9) gives the same events: adjacent text is one node, comments and processing
/// instructions are nodes, an element's name is its local part (`o:p` is `p`), an element opened
/// after the root closed goes inside the root, text outside any element is dropped, and the depth
/// limit (256) stops the parse where the tree builder stops it. The parser contexts are kept and
/// reused (`ParserPool`), so a document costs no context set-up.
struct HTMLExtractor {
    struct Result {
        /// Body paragraphs, clean, in one buffer.
        var body = BodyBytes()
        var paragraphs: [String] { body.paragraphs }
        var captions: [String] = []
        var related: [Link] = []
        /// The `<title>` of a whole HTML document, when there is one.
        var title: String?
        /// Problems met while parsing (only those that lose text).
        var findings: [Finding] = []
    }

    /// Parses `html` (UTF-8) and extracts its text. An empty or blank input gives an empty result.
    static func extract(_ html: [UInt8]) throws -> Result {
        try html.withUnsafeBufferPointer { try extract($0) }
    }

    /// Parses `html` (UTF-8 bytes, read in place) and extracts its text.
    static func extract(_ html: UnsafeBufferPointer<UInt8>) throws -> Result {
        var walker = Walker()
        if html.allSatisfy(ASCII.isSpace) { return walker.result }
        walker.result.body = BodyBytes(capacity: html.count)
        let parser = try ParserPool.take()
        defer { ParserPool.give(parser) }
        let fatal = parser.parse(html)
        // Recovered errors (unclosed tags, stray `<`) are routine in feeds and not reported. A
        // fatal error means libxml2 stopped reading: whatever followed is missing from the body.
        // The usual one is nesting deeper than 256 elements; XML_PARSE_HUGE is left off on
        // purpose, since that limit also bounds the recursion of the walk below.
        if let fatal {
            walker.result.findings.append(Finding(code: "html", message: "HTML parsing stopped early: \(fatal.message)",
                                                  line: fatal.line))
        }
        // The roles of class/id values are kept with the context from one document to the next
        // (a role depends on the value alone): moved in and out, never copied.
        swap(&walker.roleCache, &parser.roleCache)
        parser.tree.pointee.withTree { tree in
            walker.tree = tree
            if let root = tree.root {
                dropFeedHeader(root, in: tree)
                walker.walk(root, .body)
                walker.flush()
            }
        }
        swap(&walker.roleCache, &parser.roleCache)
        parser.roleCache.bound()
        return walker.result
    }
}

/// libxml2 parser contexts with the SAX callbacks of `SAXTree` set, kept between documents (one
/// per thread at a time): a context and its name dictionary cost about as much to set up as a
/// short post costs to parse.
enum ParserPool {
    /// Idle contexts, read and written only under `lock`. An `NSLock` (a pthread mutex) rather than
    /// the Synchronization module's `Mutex`: ThreadSanitizer sees the ordering a pthread mutex gives,
    /// not that of the futex inside `Mutex`, and the project's TSan run must stay clean.
    nonisolated(unsafe) private static var idle: [SAXParser] = []
    private static let lock = NSLock()
    /// Contexts kept at most (more threads than this make and drop their own).
    private static let keep = 16

    static func take() throws -> SAXParser {
        lock.lock()
        let idleParser = idle.popLast()
        lock.unlock()
        if let idleParser { return idleParser }
        guard let p = SAXParser() else { throw WenxiError.html("libxml2 could not allocate a parser") }
        return p
    }

    static func give(_ p: SAXParser) {
        // The dictionary keeps every distinct element and attribute name it met: a context whose
        // dictionary has grown large is dropped, so memory stays bounded over any batch.
        guard !p.isWorn else { return }
        lock.lock()
        defer { lock.unlock() }
        if idle.count < keep { idle.append(p) }
    }
}

/// One libxml2 HTML parser context whose SAX callbacks fill `tree`.
final class SAXParser: @unchecked Sendable {
    private let ctxt: htmlParserCtxtPtr
    /// The tree the callbacks build; its storage is reused from one document to the next.
    let tree: UnsafeMutablePointer<SAXTree>

    /// Names in the context's dictionary beyond which it is dropped rather than reused.
    private static let dictionaryLimit: Int = 20_000

    /// The roles of the class/id values met so far with this context (`Walker.role`).
    fileprivate var roleCache = RoleCache()

    /// A stand-in for the node libxml2's tree builder would push: `nodePush` checks the depth
    /// limit and reports it exactly as for the tree builder; nothing reads the node.
    nonisolated(unsafe) private static let placeholder: xmlNodePtr = {
        let n = UnsafeMutablePointer<xmlNode>.allocate(capacity: 1)
        memset(n, 0, MemoryLayout<xmlNode>.size)
        n.pointee.type = XML_ELEMENT_NODE
        return n
    }()

    private static let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue
        | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    init?() {
        _ = SAXParser.parserReady
        guard let c = htmlNewParserCtxt() else { return nil }
        guard let sax = c.pointee.sax else {
            htmlFreeParserCtxt(c)
            return nil
        }
        ctxt = c
        tree = UnsafeMutablePointer<SAXTree>.allocate(capacity: 1)
        tree.initialize(to: SAXTree())
        c.pointee._private = UnsafeMutableRawPointer(tree)
        // No document is made: every callback that would build libxml2's tree builds ours.
        sax.pointee.startDocument = nil
        sax.pointee.endDocument = nil
        sax.pointee.setDocumentLocator = nil
        sax.pointee.ignorableWhitespace = nil
        sax.pointee.startElement = { ctx, name, atts in
            guard let ctx, let name else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            c.pointee._private.assumingMemoryBound(to: SAXTree.self).pointee.startElement(c, name, atts)
        }
        sax.pointee.endElement = { ctx, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            _ = nodePop(c)
            c.pointee._private.assumingMemoryBound(to: SAXTree.self).pointee.endElement()
        }
        sax.pointee.characters = { ctx, ch, len in
            guard let ctx, let ch, len > 0 else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            c.pointee._private.assumingMemoryBound(to: SAXTree.self).pointee.characters(UnsafeBufferPointer(start: ch, count: Int(len)))
        }
        sax.pointee.cdataBlock = { ctx, _, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            c.pointee._private.assumingMemoryBound(to: SAXTree.self).pointee.cdata()
        }
        sax.pointee.comment = { ctx, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            c.pointee._private.assumingMemoryBound(to: SAXTree.self).pointee.other()
        }
        sax.pointee.processingInstruction = { ctx, _, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            c.pointee._private.assumingMemoryBound(to: SAXTree.self).pointee.other()
        }
        sax.pointee.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            let c = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
            c.pointee._private.assumingMemoryBound(to: SAXTree.self).pointee.doctype()
        }
    }

    deinit {
        htmlFreeParserCtxt(ctxt)
        tree.deinitialize(count: 1)
        tree.deallocate()
    }

    /// Whether the context's dictionary has grown past `dictionaryLimit`.
    var isWorn: Bool {
        guard let dict = ctxt.pointee.dict else { return false }
        return Int(xmlDictSize(dict)) > SAXParser.dictionaryLimit
    }

    /// Parses `html` into `tree`; returns libxml2's last error when it was fatal.
    func parse(_ html: UnsafeBufferPointer<UInt8>) -> (message: String, line: Int?)? {
        tree.pointee.reset()
        // htmlCtxtReset (which htmlCtxtReadMemory calls) leaves the last error of the previous
        // document in place.
        xmlCtxtResetLastError(UnsafeMutableRawPointer(ctxt))
        _ = html.baseAddress!.withMemoryRebound(to: CChar.self, capacity: html.count) {
            htmlCtxtReadMemory(ctxt, $0, Int32(html.count), nil, "UTF-8", SAXParser.options)
        }
        let last = ctxt.pointee.lastError
        guard last.level == XML_ERR_FATAL else { return nil }
        let message = last.message.map { String(cString: $0).trimmingASCIIWhitespace() } ?? "error \(last.code)"
        return (message, last.line > 0 ? Int(last.line) : nil)
    }

    fileprivate static var placeholderNode: xmlNodePtr { placeholder }
}

/// The tree the SAX callbacks build: nodes in one array (index 0 is the document), text and the
/// values of the attributes the walk reads (class, id, alt, href) in one byte buffer.
struct SAXTree {
    enum Kind: UInt8 { case document, element, text, cdata, other }

    struct Node {
        var kind: Kind
        var tag = TagInfo()
        var parent: Int32
        var first: Int32 = -1
        var last: Int32 = -1
        var next: Int32 = -1
        var prev: Int32 = -1
        /// Text: its bytes in `bytes`. Elements: `count` is the index into `attributes`, or -1.
        var start: Int32 = 0
        var count: Int32 = 0
    }

    /// Bytes of an attribute value in `bytes`; `count` -1 when the attribute is absent.
    struct Value {
        var start: Int32 = 0
        var count: Int32 = -1
        var isPresent: Bool { count >= 0 }
    }

    struct Attributes {
        var classValue = Value(), idValue = Value(), alt = Value(), href = Value()

        /// The value of attribute `name` (a plain switch: a key path is a runtime call).
        subscript(_ name: AttributeName) -> Value {
            get {
                switch name {
                case .classValue: return classValue
                case .idValue: return idValue
                case .alt: return alt
                case .href: return href
                }
            }
            set {
                switch name {
                case .classValue: classValue = newValue
                case .idValue: idValue = newValue
                case .alt: alt = newValue
                case .href: href = newValue
                }
            }
        }
    }

    /// The attributes the walk reads.
    enum AttributeName {
        case classValue, idValue, alt, href

        /// The attribute named by libxml2's NUL-terminated `name`, or nil for any other.
        @inline(__always)
        init?(_ name: UnsafePointer<xmlChar>) {
            if nameIs(name, "class") { self = .classValue }
            else if nameIs(name, "id") { self = .idValue }
            else if nameIs(name, "alt") { self = .alt }
            else if nameIs(name, "href") { self = .href }
            else { return nil }
        }
    }

    private(set) var nodes: [Node] = []
    private(set) var bytes: [UInt8] = []
    private(set) var attributes: [Attributes] = []
    /// Open elements, innermost last (libxml2's node stack).
    private var open: [Int32] = []
    /// Whether a DOCTYPE made the document's DTD node.
    private var hasDoctype = false

    init() {
        nodes.reserveCapacity(1024)
        bytes.reserveCapacity(1 << 16)
        attributes.reserveCapacity(256)
        open.reserveCapacity(64)
        reset()
    }

    mutating func reset() {
        nodes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        open.removeAll(keepingCapacity: true)
        hasDoctype = false
        nodes.append(Node(kind: .document, parent: -1))
    }

    /// Appends node `i` as the last child of `parent`.
    private mutating func append(_ i: Int32, to parent: Int32) {
        let p = Int(parent)
        nodes[Int(i)].parent = parent
        let last = nodes[p].last
        if last < 0 {
            nodes[p].first = i
        } else {
            nodes[Int(last)].next = i
            nodes[Int(i)].prev = last
        }
        nodes[p].last = i
    }

    /// Adds a node of `kind` where libxml2's tree builder adds comments and processing
    /// instructions: in the open element, or at the document's end.
    private mutating func add(_ kind: Kind) -> Int32 {
        let i = Int32(nodes.count)
        nodes.append(Node(kind: kind, parent: 0))
        append(i, to: open.last ?? 0)
        return i
    }

    mutating func startElement(_ ctxt: xmlParserCtxtPtr, _ fullName: UnsafePointer<xmlChar>,
                               _ atts: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        // The tree builder names the element by the local part of a prefixed name, and
        // xmlSplitQName reports a malformed one (`a:1`) as a fatal error. libxml2 follows it at
        // once with "Tag a:1 invalid", so that error never stays the last one; nor does the
        // tree builder's "ID … already defined" (not raised here) ever replace a fatal one.
        var tag: TagInfo
        if strchr(UnsafeRawPointer(fullName).assumingMemoryBound(to: CChar.self), 0x3A) != nil {
            var prefix: UnsafeMutablePointer<xmlChar>? = nil
            guard let local = xmlSplitQName(ctxt, fullName, &prefix) else { return }
            tag = Walker.tagInfo(local)
            free(local)
            free(prefix)
        } else {
            tag = Walker.tagInfo(fullName)
        }
        // The depth limit: nodePush fails past 256 open elements and halts the parser.
        if nodePush(ctxt, SAXParser.placeholderNode) < 0 { return }
        let i = Int32(nodes.count)
        var node = Node(kind: .element, parent: 0)
        node.tag = tag
        node.count = -1
        nodes.append(node)
        // libxml2 2.9's xmlSAX2StartElement: the first element is the document's root; one opened
        // when no element is open goes inside the document's first child when that is an element,
        // else after the document's last node.
        let parent: Int32
        if let top = open.last {
            parent = top
        } else {
            let first = nodes[0].first
            parent = first >= 0 && nodes[Int(first)].kind == .element ? first : 0
        }
        append(i, to: parent)
        open.append(i)

        guard let atts else { return }
        var k = 0
        var values = Attributes()
        var any = false
        while let name = atts[k] {
            let value = atts[k + 1]
            k += 2
            guard let slot = AttributeName(name) else { continue }
            // An attribute without a value (`<img alt>`) is present and empty, as in libxml2's tree.
            var stored = Value(start: Int32(bytes.count), count: 0)
            if let value {
                let n = Int(xmlStrlen(value))
                bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: n))
                stored.count = Int32(n)
            }
            values[slot] = stored
            any = true
        }
        if any {
            nodes[Int(i)].count = Int32(attributes.count)
            attributes.append(values)
        }
    }

    mutating func endElement() {
        _ = open.popLast()
    }

    /// Text: dropped outside any element, joined to a text node that ends the open element.
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard let parent = open.last else { return }
        let last = nodes[Int(parent)].last
        if last >= 0 && nodes[Int(last)].kind == .text {
            let t = nodes[Int(last)]
            if Int(t.start + t.count) != bytes.count {
                // Not the last bytes written (never so in practice): move the node's text to the end.
                let old = Array(bytes[Int(t.start)..<Int(t.start + t.count)])
                nodes[Int(last)].start = Int32(bytes.count)
                bytes.append(contentsOf: old)
            }
            bytes.append(contentsOf: text)
            nodes[Int(last)].count += Int32(text.count)
            return
        }
        let i = Int32(nodes.count)
        var node = Node(kind: .text, parent: parent)
        node.start = Int32(bytes.count)
        node.count = Int32(text.count)
        nodes.append(node)
        bytes.append(contentsOf: text)
        append(i, to: parent)
    }

    /// Script and style content (libxml2 makes CDATA nodes of it; adjacent ones are one node).
    mutating func cdata() {
        guard let parent = open.last else { return }
        let last = nodes[Int(parent)].last
        if last >= 0 && nodes[Int(last)].kind == .cdata { return }
        _ = add(.cdata)
    }

    /// A comment or processing instruction.
    mutating func other() {
        _ = add(.other)
    }

    /// A DOCTYPE: libxml2 puts the (first) DTD node before everything else in the document.
    mutating func doctype() {
        if hasDoctype { return }
        hasDoctype = true
        let i = Int32(nodes.count)
        nodes.append(Node(kind: .other, parent: 0))
        let first = nodes[0].first
        if first < 0 {
            nodes[0].first = i
            nodes[0].last = i
        } else {
            nodes[Int(first)].prev = i
            nodes[Int(i)].next = first
            nodes[0].first = i
        }
    }

    /// Calls `body` with a view of the tree.
    mutating func withTree<R>(_ body: (Tree) -> R) -> R {
        nodes.withUnsafeMutableBufferPointer { n in
            bytes.withUnsafeBufferPointer { b in
                attributes.withUnsafeBufferPointer { a in body(Tree(nodes: n, bytes: b, attributes: a)) }
            }
        }
    }
}

/// A read-only view of a `SAXTree` for the walk; `unlink` is the one change made to it.
struct Tree {
    typealias Node = SAXTree.Node
    let nodes: UnsafeMutableBufferPointer<Node>
    let bytes: UnsafeBufferPointer<UInt8>
    let attributes: UnsafeBufferPointer<SAXTree.Attributes>

    @inline(__always) subscript(_ i: Int32) -> Node { nodes[Int(i)] }

    /// The document's first element.
    var root: Int32? {
        var c = nodes[0].first
        while c >= 0 {
            if nodes[Int(c)].kind == .element { return c }
            c = nodes[Int(c)].next
        }
        return nil
    }

    @inline(__always) func isElement(_ i: Int32) -> Bool { nodes[Int(i)].kind == .element }
    @inline(__always) func isText(_ i: Int32) -> Bool { nodes[Int(i)].kind == .text }

    /// The bytes of text node `i`.
    @inline(__always) func text(_ i: Int32) -> UnsafeBufferPointer<UInt8> {
        let n = nodes[Int(i)]
        return UnsafeBufferPointer(rebasing: bytes[Int(n.start)..<Int(n.start + n.count)])
    }

    /// Whether text node `i` is all ASCII white space.
    func isBlank(_ i: Int32) -> Bool { text(i).allSatisfy(ASCII.isSpace) }

    /// The attributes of element `i` the walk reads.
    @inline(__always) func attributes(of i: Int32) -> SAXTree.Attributes? {
        let k = nodes[Int(i)].count
        return k < 0 ? nil : attributes[Int(k)]
    }

    func value(_ v: SAXTree.Value) -> UnsafeBufferPointer<UInt8>? {
        v.isPresent ? UnsafeBufferPointer(rebasing: bytes[Int(v.start)..<Int(v.start + v.count)]) : nil
    }

    /// Removes node `i` from its parent's children.
    func unlink(_ i: Int32) {
        let m = nodes.baseAddress!
        let n = m[Int(i)]
        if n.prev >= 0 { m[Int(n.prev)].next = n.next } else { m[Int(n.parent)].first = n.next }
        if n.next >= 0 { m[Int(n.next)].prev = n.prev } else { m[Int(n.parent)].last = n.prev }
        m[Int(i)].prev = -1
        m[Int(i)].next = -1
    }
}

/// Feed-made posts (VOA, NYT, Reuters, DW) open with `<div><i>author<br>date</i></div>` as the
/// first thing in the wrapper `<div>`: a byline stamp from the feed, not article text. It is
/// unlinked before the walk.
private func dropFeedHeader(_ root: Int32, in t: Tree) {
    func firstElement(_ n: Int32) -> Int32? {
        var c = t[n].first
        while c >= 0 {
            if t.isElement(c) { return c }
            if t.isText(c), !t.isBlank(c) { return nil }
            c = t[c].next
        }
        return nil
    }
    func named(_ n: Int32, _ kind: TagKind) -> Bool { t[n].tag.kind == kind }
    guard named(root, .html), let body = firstElement(root), named(body, .body),
          let wrapper = firstElement(body), named(wrapper, .div),
          let header = firstElement(wrapper), named(header, .div),
          let italic = firstElement(header), named(italic, .i) else { return }
    // The <i> must be all the header holds.
    var c = t[header].first
    while c >= 0 {
        if c != italic {
            if t.isElement(c) { return }
            if t.isText(c), !t.isBlank(c) { return }
        }
        c = t[c].next
    }
    t.unlink(header)
}

/// Whether the NUL-terminated name `p` (an element's or attribute's, as libxml2 holds it) is
/// `s`, compared in place: element names are tested on every node, so no String is made.
@inline(__always)
private func nameIs(_ p: UnsafePointer<xmlChar>?, _ s: StaticString) -> Bool {
    guard let p else { return false }
    let q = s.utf8Start
    let n = s.utf8CodeUnitCount
    var i = 0
    // A shorter `p` fails at its NUL, before reading past it.
    while i < n {
        if p[i] != q[i] { return false }
        i += 1
    }
    return p[n] == 0
}

enum Mode {
    /// Text is article body.
    case body
    /// Inside a media wrapper: text is not body, but captions and related links still count.
    case hidden
    /// Inside a caption: text goes to the caption buffer.
    case caption
    /// Inside a related-links box: only links count.
    case related
    /// Inside a related link: text goes to the link-title buffer.
    case link
}

/// A String compared and hashed by its UTF-8 bytes in one call. `String`'s own hash walks the
/// text through NFC (canonically equivalent strings hash alike), about 16,000 instructions for a
/// caption; cleaned text is NFC already (`TextNormalizer`), so equal bytes mean equal text.
struct UTF8Key: Hashable {
    let string: String
    init(_ string: String) { self.string = string }
    static func == (a: UTF8Key, b: UTF8Key) -> Bool { bytesEqual(a.string, b.string) }
    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// Whether the UTF-8 of `s` starts with that of `prefix`, compared with `memcmp` (the generic
/// `utf8.starts(with:)` goes through the view's iterator one byte at a time). Captions are NFC
/// (`TextNormalizer`), so a byte prefix is what the walk has always compared.
private func bytesStart(_ s: String, with prefix: String) -> Bool {
    var s = s, prefix = prefix
    return s.withUTF8 { a in
        prefix.withUTF8 { b in b.count <= a.count && (b.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, b.count) == 0) }
    }
}

/// Whether `a` and `b` have the same UTF-8 bytes.
private func bytesEqual(_ a: String, _ b: String) -> Bool {
    a.utf8.count == b.utf8.count && bytesStart(a, with: b)
}

/// The roles of the class/id pairs met (see `Walker.role`), in a small open-addressing table
/// keyed by the pair's bytes and an FNV-1a hash of them. Pages repeat a few dozen values
/// thousands of times; a seeded `Hasher` costs more per lookup than the comparison it saves.
/// Nothing depends on the order of the table, so the hash needs no seed. The keys sit end to end
/// in one byte array and the entries are plain values. A parser context keeps its cache from one
/// document to the next (`SAXParser.roleCache`), as a role depends on the class/id bytes alone.
fileprivate struct RoleCache {
    private struct Entry {
        var start: Int32
        var count: Int32
        var role: ElementRole?
    }
    /// Keys, end to end.
    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Index into `entries` per slot, -1 for an empty slot; at most half full. Empty (no slot
    /// at all) until the first insertion, so an unused cache costs no allocation.
    private var slots: [Int32] = []

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Compared with `memcmp`: class values run to dozens of bytes, and the generic
    /// `elementsEqual` took about eight instructions a byte.
    private func keyEquals(_ e: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(e.count) == key.count else { return false }
        guard let k = key.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { all in memcmp(all.baseAddress! + Int(e.start), k, key.count) == 0 }
    }

    /// The slot of `key`: where it is, or the empty slot where it goes.
    private func slot(_ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> Int {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 {
            if keyEquals(entries[Int(slots[i])], key) { return i }
            i = (i + 1) & mask
        }
        return i
    }

    /// `.some(role)` when `key` was seen, nil when not.
    func lookup(_ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> ElementRole?? {
        if slots.isEmpty { return nil }
        let i = slot(key, hash)
        return slots[i] < 0 ? nil : .some(entries[Int(slots[i])].role)
    }

    /// Entries kept at most: past this, the cache starts again empty (memory stays bounded over
    /// any batch; a page repeats a few dozen values).
    static let limit = 4096

    /// Empties the cache when it holds more than `limit` entries.
    mutating func bound() {
        guard entries.count > RoleCache.limit else { return }
        self = RoleCache()
    }

    /// Adds `key` (not yet in the cache) with its role.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64, _ role: ElementRole?) {
        if (entries.count + 1) * 2 > slots.count {
            // Keep the table at most half full: rehash the entries into twice the slots.
            slots = [Int32](repeating: -1, count: max(32, slots.count * 2))
            let mask = slots.count - 1
            for (n, e) in entries.enumerated() {
                let h = bytes.withUnsafeBufferPointer { RoleCache.hash(UnsafeBufferPointer(rebasing: $0[Int(e.start)..<Int(e.start + e.count)])) }
                var j = Int(truncatingIfNeeded: h) & mask
                while slots[j] >= 0 { j = (j + 1) & mask }
                slots[j] = Int32(n)
            }
        }
        let i = slot(key, hash)
        slots[i] = Int32(entries.count)
        entries.append(Entry(start: Int32(bytes.count), count: Int32(key.count), role: role))
        bytes.append(contentsOf: key)
    }
}

/// The tags the walk treats on their own; every other tag is `other`.
enum TagKind: UInt8 { case other, br, img, hr, head, a, ul, ol, div, figcaption, html, body, i, title, li, small }

/// What the walk knows of a tag, looked up once when the element is parsed.
struct TagInfo {
    var kind: TagKind = .other
    var dropped = false
    var block = false
}

struct Walker {
    var result = HTMLExtractor.Result()
    /// The tree walked (set before `walk`).
    var tree: Tree! = nil
    private var current: [UInt8] = []
    private var captionBuffer: [UInt8] = []
    private var linkBuffer: [UInt8] = []
    private var titleBuffer: [UInt8] = []
    private var seenCaptions: Set<UTF8Key> = []
    /// Roles by class/id, keyed by their bytes (see `roleKey`): pages repeat the same few values,
    /// and an outlet's pages repeat each other's. Lent by the parser context (see `extract`).
    fileprivate var roleCache = RoleCache()
    /// Scratch for the key of `roleCache`: a flag byte (1: has class, 2: has id), the class
    /// value, NUL, the id value. Values hold no NUL, so the key is unambiguous.
    private var roleKey: [UInt8] = []

    /// An element name of at most 16 bytes packed into two words, zero-padded: a hash key that
    /// is read straight off libxml2's name, with no String.
    private struct NameKey: Equatable {
        var lo: UInt64 = 0, hi: UInt64 = 0

        init() {}

        /// Nil when the name is longer than 16 bytes (no tag of the tables is).
        init?(_ p: UnsafePointer<UInt8>) {
            var i = 0
            while p[i] != 0 {
                if i == 16 { return nil }
                if i < 8 { lo |= UInt64(p[i]) << (8 * UInt64(i)) } else { hi |= UInt64(p[i]) << (8 * UInt64(i - 8)) }
                i += 1
            }
        }

        init?(_ name: String) {
            guard let key = name.withCString({ $0.withMemoryRebound(to: UInt8.self, capacity: 17) { NameKey($0) } }) else { return nil }
            self = key
        }
    }

    /// Every tag with a kind or a class (dropped, block), built once from `BoilerplateRules`.
    private static let tagTable: TagTable = {
        let kinds: [String: TagKind] = ["br": .br, "img": .img, "hr": .hr, "head": .head, "a": .a, "ul": .ul,
                                        "ol": .ol, "div": .div, "figcaption": .figcaption, "html": .html,
                                        "body": .body, "i": .i, "title": .title, "li": .li, "small": .small]
        var table = TagTable()
        for name in BoilerplateRules.droppedTags.union(BoilerplateRules.blockTags).union(kinds.keys) {
            guard let key = NameKey(name) else { preconditionFailure("tag name longer than 16 bytes: \(name)") }
            table.insert(key, TagInfo(kind: kinds[name] ?? .other, dropped: BoilerplateRules.droppedTags.contains(name),
                                      block: BoilerplateRules.blockTags.contains(name)))
        }
        return table
    }()

    /// `NameKey` → `TagInfo` by open addressing in a fixed table of 256 slots (the tables hold
    /// about 80 tags), hashed by one multiplication: the lookup is made for every element, and
    /// `Dictionary`'s seeded SipHash cost more than the rest of it.
    private struct TagTable {
        private var keys = [NameKey](repeating: NameKey(), count: 256)
        private var infos = [TagInfo](repeating: TagInfo(), count: 256)

        @inline(__always)
        private static func start(_ key: NameKey) -> Int {
            Int(truncatingIfNeeded: ((key.lo ^ (key.hi &* 0x9E37_79B9)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        }

        mutating func insert(_ key: NameKey, _ info: TagInfo) {
            var i = TagTable.start(key)
            while keys[i] != NameKey() && keys[i] != key { i = (i + 1) & 255 }
            keys[i] = key
            infos[i] = info
        }

        /// The entry of `key`; an empty (all-zero) slot ends the probe, and no tag name is empty.
        @inline(__always)
        func find(_ key: NameKey) -> TagInfo {
            var i = TagTable.start(key)
            while true {
                let k = keys[i]
                if k == key { return infos[i] }
                if k.lo == 0 && k.hi == 0 { return TagInfo() }
                i = (i + 1) & 255
            }
        }
    }

    /// The walk's view of the tag named `name` (NUL-terminated, as libxml2 gives it).
    static func tagInfo(_ name: UnsafePointer<xmlChar>) -> TagInfo {
        guard let key = NameKey(name) else { return TagInfo() }
        return Walker.tagTable.find(key)
    }

    init() {
        current.reserveCapacity(4096)
        roleKey.reserveCapacity(128)
    }

    /// Ends the body paragraph being built.
    mutating func flush() {
        guard !current.isEmpty else { return }
        current.withUnsafeBufferPointer { result.body.append(normalizing: $0) }
        current.removeAll(keepingCapacity: true)
    }

    private mutating func addCaption(_ bytes: [UInt8]) {
        guard let c = bytes.withUnsafeBufferPointer({ TextNormalizer.paragraph($0) }) else { return }
        // CNA repeats a picture's alt text in its caption, sometimes with the credit appended:
        // keep the longer of two captions when one starts with the other.
        if let last = result.captions.last, bytesStart(c, with: last) {
            result.captions[result.captions.count - 1] = c
            seenCaptions.insert(UTF8Key(c))
            return
        }
        if result.captions.contains(where: { bytesStart($0, with: c) }) { return }
        if seenCaptions.insert(UTF8Key(c)).inserted { result.captions.append(c) }
    }

    /// Walks `node` and its following siblings.
    mutating func walk(_ first: Int32, _ mode: Mode) {
        let t = tree!
        var node = first
        while node >= 0 {
            switch t[node].kind {
            case .text:
                appendText(t.text(node), mode)
            case .element:
                if element(node, mode) == .stopSiblings { return }
            default:
                break
            }
            node = t[node].next
        }
    }

    private mutating func appendText(_ buf: UnsafeBufferPointer<UInt8>, _ mode: Mode) {
        switch mode {
        case .body: current.append(contentsOf: buf)
        case .caption: captionBuffer.append(contentsOf: buf)
        case .link: linkBuffer.append(contentsOf: buf)
        case .hidden, .related: break
        }
    }

    private mutating func boundary(_ mode: Mode) {
        switch mode {
        case .body: flush()
        case .caption: captionBuffer.append(0x0A)
        case .link: linkBuffer.append(0x0A)
        case .hidden, .related: break
        }
    }

    private enum Next { case go, stopSiblings }

    private mutating func element(_ n: Int32, _ mode: Mode) -> Next {
        let t = tree!
        let node = t[n]
        let info = node.tag
        let tag = info.kind
        switch tag {
        case .br:
            boundary(mode)
            return .go
        case .img:
            // Alt text describes the image: a caption, never body text.
            if mode == .body || mode == .hidden, let alt = attribute(n, .alt), !Walker.isPlaceholderAlt(alt) {
                addCaption(Array(alt.utf8))
            }
            return .go
        case .hr:
            boundary(mode)
            return Walker.isFeedFooter(after: n, in: t) ? .stopSiblings : .go
        case .head:
            // Only the document's <title> is read from the head.
            var child = node.first
            while child >= 0 {
                let c = t[child]
                if result.title == nil, c.kind == .element, c.tag.kind == .title, c.first >= 0 {
                    titleBuffer.removeAll()
                    collectText(c.first, into: &titleBuffer)
                    result.title = titleBuffer.withUnsafeBufferPointer { TextNormalizer.paragraph($0) }
                }
                child = c.next
            }
            return .go
        default:
            break
        }
        if info.dropped { return .go }

        var role: ElementRole? = nil
        if let attributes = t.attributes(of: n) {
            role = self.role(attributes)
        }
        if tag == .figcaption && role != .drop { role = .caption }
        if role == nil && (tag == .ul || tag == .ol) && isRelatedLinkList(n) { role = .related }
        if role == nil && tag == .div && Walker.isSmallCaption(n, in: t) { role = .caption }
        if mode == .body && tag == .a && Walker.isMoreLink(n, in: t) { return .go }

        let children = node.first
        switch role {
        case .drop:
            return .go
        case .related where mode != .related && mode != .link && mode != .caption:
            if mode == .body { flush() }
            if children >= 0 { walk(children, .related) }
            return .go
        case .caption where mode == .body || mode == .hidden:
            if mode == .body { flush() }
            captionBuffer.removeAll(keepingCapacity: true)
            if children >= 0 { walk(children, .caption) }
            addCaption(captionBuffer)
            return .go
        case .embed where mode == .body:
            flush()
            if children >= 0 { walk(children, .hidden) }
            return .go
        default:
            break
        }

        if mode == .related && tag == .a {
            if let href = attribute(n, .href), !href.isEmpty, children >= 0 {
                linkBuffer.removeAll(keepingCapacity: true)
                walk(children, .link)
                if let title = linkBuffer.withUnsafeBufferPointer({ TextNormalizer.paragraph($0) }),
                   let url = TextNormalizer.paragraph(href) {
                    result.related.append(Link(title: title, url: url))
                }
            }
            return .go
        }

        let block = info.block
        if block { boundary(mode) }
        if children >= 0 { walk(children, mode) }
        if block { boundary(mode) }
        return .go
    }

    /// Text content of `first` and its siblings, skipping dropped tags.
    private func collectText(_ first: Int32, into out: inout [UInt8]) {
        let t = tree!
        var n = first
        while n >= 0 {
            let node = t[n]
            if node.kind == .text {
                out.append(contentsOf: t.text(n))
            } else if node.kind == .element, node.first >= 0, !node.tag.dropped {
                collectText(node.first, into: &out)
            }
            n = node.next
        }
    }

    /// The role that an element's class and id give it (`BoilerplateRules.role`, on the
    /// attributes' bytes), decided once per document for each class/id pair.
    private mutating func role(_ a: SAXTree.Attributes) -> ElementRole? {
        let t = tree!
        let classValue = t.value(a.classValue), idValue = t.value(a.idValue)
        guard classValue != nil || idValue != nil else { return nil }
        roleKey.removeAll(keepingCapacity: true)
        roleKey.append((classValue != nil ? 1 : 0) | (idValue != nil ? 2 : 0))
        if let classValue { roleKey.append(contentsOf: classValue) }
        roleKey.append(0)
        let idStart = roleKey.count
        if let idValue { roleKey.append(contentsOf: idValue) }
        return roleKey.withUnsafeBufferPointer { key in
            let hash = RoleCache.hash(key)
            if let cached = roleCache.lookup(key, hash) { return cached }
            let role = BoilerplateRules.role(classBytes: classValue == nil ? nil : UnsafeBufferPointer(rebasing: key[1..<(idStart - 1)]),
                                             idBytes: idValue == nil ? nil : UnsafeBufferPointer(rebasing: key[idStart...]))
            roleCache.insert(key, hash, role)
            return role
        }
    }

    /// The value of attribute `name` of element `n`, or nil.
    private func attribute(_ n: Int32, _ name: SAXTree.AttributeName) -> String? {
        guard let a = tree.attributes(of: n), let v = tree.value(a[name]) else { return nil }
        return String(decoding: v, as: UTF8.self)
    }

    /// Previous sibling that is an element, skipping whitespace text.
    private static func previousElement(_ n: Int32, in t: Tree) -> Int32? {
        var p = t[n].prev
        while p >= 0 {
            if t.isElement(p) { return p }
            if t.isText(p), !t.isBlank(p) { return nil }
            p = t[p].prev
        }
        return nil
    }

    /// A `ul`/`ol` whose every item holds one link of a `BoilerplateRules.relatedLinkClasses`
    /// class and no other text.
    private func isRelatedLinkList(_ list: Int32) -> Bool {
        let t = tree!
        var items = 0
        var item = t[list].first
        while item >= 0 {
            defer { item = t[item].next }
            if t.isText(item), t.isBlank(item) { continue }
            guard t.isElement(item), t[item].tag.kind == .li else { return false }
            var link: Int32? = nil
            var c = t[item].first
            while c >= 0 {
                if t.isElement(c) {
                    if link != nil || t[c].tag.kind != .a { return false }
                    link = c
                } else if t.isText(c), !t.isBlank(c) {
                    return false
                }
                c = t[c].next
            }
            guard let link, let classes = attribute(link, .classValue),
                  classes.split(separator: " ").contains(where: { BoilerplateRules.relatedLinkClasses.contains(String($0)) })
            else { return false }
            items += 1
        }
        return items > 0
    }

    /// `<img …><div><small>caption</small></div>`: how the NYT and DW feeds caption images.
    private static func isSmallCaption(_ n: Int32, in t: Tree) -> Bool {
        guard let prev = previousElement(n, in: t), t[prev].tag.kind == .img else { return false }
        var small = false
        var c = t[n].first
        while c >= 0 {
            if t.isElement(c) {
                if small || t[c].tag.kind != .small { return false }
                small = true
            } else if t.isText(c), !t.isBlank(c) {
                return false
            }
            c = t[c].next
        }
        return small
    }

    /// Alt text that says nothing about the picture: `img`, `image`, `圖片`, or a file name.
    static func isPlaceholderAlt(_ alt: String) -> Bool {
        if alt.utf8.count > 64 { return false }
        let t = alt.trimmingASCIIWhitespace().lowercased()
        if ["img", "image", "photo", "picture", "pic", "圖片", "图片", "圖", "图", "照片"].contains(t) { return true }
        return [".jpg", ".jpeg", ".png", ".gif", ".webp"].contains { t.hasSuffix($0) } && !t.contains(" ")
    }

    /// RTI's feed excerpts end in a `<a …>...more</a>` link to the full story.
    private static func isMoreLink(_ n: Int32, in t: Tree) -> Bool {
        let c = t[n].first
        guard c >= 0, t[c].next < 0, t.isText(c) else { return false }
        // Compared as bytes, trimmed of ASCII whitespace: no String per link.
        let content = t.text(c)
        var a = 0, b = content.count
        while a < b, ASCII.isSpace(content[a]) { a += 1 }
        while b > a, ASCII.isSpace(content[b - 1]) { b -= 1 }
        let text = UnsafeBufferPointer(rebasing: content[a..<b])
        return text.elementsEqual("...more".utf8) || text.elementsEqual("…more".utf8) || text.elementsEqual("more".utf8)
    }

    /// A feed's footer: after an `<hr>`, only a little text (under 400 bytes) of which links make
    /// up a third or more, e.g. `获取更多RSS：https://feedx.net` or WordPress's
    /// `© … for 中国数字时代 | Permalink | … Post tags: …`. Everything after the rule is dropped.
    private static func isFeedFooter(after hr: Int32, in t: Tree) -> Bool {
        var textBytes = 0
        var linkBytes = 0
        var links = 0
        func scan(_ first: Int32, inLink: Bool) {
            var n = first
            while n >= 0, textBytes < 400 {
                if t.isText(n), !t.isBlank(n) {
                    let len = Int(t[n].count)
                    textBytes += len
                    if inLink { linkBytes += len }
                } else if t.isElement(n) {
                    let isLink = t[n].tag.kind == .a
                    if isLink { links += 1 }
                    scan(t[n].first, inLink: inLink || isLink)
                }
                n = t[n].next
            }
        }
        scan(t[hr].next, inLink: false)
        return links > 0 && textBytes < 400 && linkBytes * 3 >= textBytes
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let u = Array(utf8)
        var a = 0, b = u.count
        while a < b, ASCII.isSpace(u[a]) { a += 1 }
        while b > a, ASCII.isSpace(u[b - 1]) { b -= 1 }
        return String(decoding: u[a..<b], as: UTF8.self)
    }
}
