internal import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Article text out of HTML: libxml2's HTML parser (with recovery) builds the tree, and one walk
/// over it collects body paragraphs, image captions and related links, dropping boilerplate
/// (see `BoilerplateRules`). Text is gathered as UTF-8 bytes and cleaned by `TextNormalizer`.
struct HTMLExtractor {
    struct Result {
        var paragraphs: [String] = []
        var captions: [String] = []
        var related: [Link] = []
        /// The `<title>` of a whole HTML document, when there is one.
        var title: String?
        /// Problems met while parsing (only those that lose text).
        var findings: [Finding] = []
    }

    private static let parserReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `html` (UTF-8) and extracts its text. An empty or blank input gives an empty result.
    static func extract(_ html: [UInt8]) throws -> Result {
        try html.withUnsafeBufferPointer { try extract($0) }
    }

    /// Parses `html` (UTF-8 bytes, read in place) and extracts its text.
    static func extract(_ html: UnsafeBufferPointer<UInt8>) throws -> Result {
        _ = parserReady
        var walker = Walker()
        if html.allSatisfy(ASCII.isSpace) { return walker.result }
        let options = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue
            | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        guard let ctxt = htmlNewParserCtxt() else { throw WenxiError.html("libxml2 could not allocate a parser") }
        defer { htmlFreeParserCtxt(ctxt) }
        let doc: htmlDocPtr? = html.baseAddress!.withMemoryRebound(to: CChar.self, capacity: html.count) {
            htmlCtxtReadMemory(ctxt, $0, Int32(html.count), nil, "UTF-8", options)
        }
        guard let doc else { throw WenxiError.html("libxml2 could not parse the document") }
        defer { xmlFreeDoc(doc) }
        // Recovered errors (unclosed tags, stray `<`) are routine in feeds and not reported. A
        // fatal error means libxml2 stopped reading: whatever followed is missing from the body.
        // The usual one is nesting deeper than 256 elements; XML_PARSE_HUGE is left off on
        // purpose, since that limit also bounds the recursion of the walk below.
        let last = ctxt.pointee.lastError
        if last.level == XML_ERR_FATAL {
            let message = last.message.map { String(cString: $0).trimmingASCIIWhitespace() } ?? "error \(last.code)"
            walker.result.findings.append(Finding(code: "html", message: "HTML parsing stopped early: \(message)",
                                                  line: last.line > 0 ? Int(last.line) : nil))
        }
        if let root = xmlDocGetRootElement(doc) {
            dropFeedHeader(root)
            walker.walk(root, .body)
            walker.flush()
        }
        return walker.result
    }
}

/// Feed-made posts (VOA, NYT, Reuters, DW) open with `<div><i>author<br>date</i></div>` as the
/// first thing in the wrapper `<div>`: a byline stamp from the feed, not article text. It is
/// unlinked before the walk.
private func dropFeedHeader(_ root: xmlNodePtr) {
    func firstElement(_ n: xmlNodePtr?) -> xmlNodePtr? {
        var c = n?.pointee.children
        while let x = c {
            if x.pointee.type == XML_ELEMENT_NODE { return x }
            if x.pointee.type == XML_TEXT_NODE, let t = x.pointee.content, !isBlankText(t) { return nil }
            c = x.pointee.next
        }
        return nil
    }
    func named(_ n: xmlNodePtr, _ name: StaticString) -> Bool { nameIs(n.pointee.name, name) }
    guard named(root, "html"), let body = firstElement(root), named(body, "body"),
          let wrapper = firstElement(body), named(wrapper, "div"),
          let header = firstElement(wrapper), named(header, "div"),
          let italic = firstElement(header), named(italic, "i") else { return }
    // The <i> must be all the header holds.
    var c = header.pointee.children
    while let x = c {
        if x != italic {
            if x.pointee.type == XML_ELEMENT_NODE { return }
            if x.pointee.type == XML_TEXT_NODE, let t = x.pointee.content, !isBlankText(t) { return }
        }
        c = x.pointee.next
    }
    xmlUnlinkNode(header)
    xmlFreeNode(header)
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

/// The first attribute of `n` named `name`.
private func attributeNode(_ n: xmlNodePtr, _ name: StaticString) -> xmlAttrPtr? {
    var attr = n.pointee.properties
    while let a = attr {
        if nameIs(a.pointee.name, name) { return a }
        attr = a.pointee.next
    }
    return nil
}

/// Appends the value of `attr` (its children's text) to `out`.
private func appendValue(_ attr: xmlAttrPtr, to out: inout [UInt8]) {
    var child = attr.pointee.children
    while let c = child {
        if let content = c.pointee.content {
            out.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        child = c.pointee.next
    }
}

private func isBlankText(_ c: UnsafeMutablePointer<xmlChar>) -> Bool {
    var p = c
    while p.pointee != 0 {
        let b = p.pointee
        if !ASCII.isSpace(b) { return false }
        p += 1
    }
    return true
}

private enum Mode {
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
private struct UTF8Key: Hashable {
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

/// The roles of the class/id pairs met in one document (see `Walker.role`), in a small
/// open-addressing table keyed by the pair's bytes and an FNV-1a hash of them. Pages repeat a
/// few dozen values thousands of times; a seeded `Hasher` costs more per lookup than the
/// comparison it saves. Nothing depends on the order of the table, so the hash needs no seed.
/// The keys sit end to end in one byte array and the entries are plain values, so making and
/// dropping the cache for each document is three allocations.
private struct RoleCache {
    private struct Entry {
        var start: Int32
        var count: Int32
        var role: ElementRole?
    }
    /// Keys, end to end.
    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Index into `entries` per slot, -1 for an empty slot; at most half full.
    private var slots = [Int32](repeating: -1, count: 32)

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    private func keyEquals(_ e: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(e.count) == key.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            UnsafeBufferPointer(rebasing: all[Int(e.start)..<Int(e.start + e.count)]).elementsEqual(key)
        }
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
        let i = slot(key, hash)
        return slots[i] < 0 ? nil : .some(entries[Int(slots[i])].role)
    }

    /// Adds `key` (not yet in the cache) with its role.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64, _ role: ElementRole?) {
        if (entries.count + 1) * 2 > slots.count {
            // Keep the table at most half full: rehash the entries into twice the slots.
            slots = [Int32](repeating: -1, count: slots.count * 2)
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

private struct Walker {
    var result = HTMLExtractor.Result()
    private var current: [UInt8] = []
    private var captionBuffer: [UInt8] = []
    private var linkBuffer: [UInt8] = []
    private var titleBuffer: [UInt8] = []
    private var seenCaptions: Set<UTF8Key> = []
    /// Roles by class/id, keyed by their bytes (see `roleKey`): pages repeat the same few values.
    private var roleCache = RoleCache()
    /// Scratch for the key of `roleCache`: a flag byte (1: has class, 2: has id), the class
    /// value, NUL, the id value. Values hold no NUL, so the key is unambiguous.
    private var roleKey: [UInt8] = []

    /// The tags the walk treats on their own; every other tag is `other`.
    private enum TagKind { case other, br, img, hr, head, a, ul, ol, div, figcaption }

    private struct TagInfo {
        var kind: TagKind = .other
        var dropped = false
        var block = false
    }

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
                                        "ol": .ol, "div": .div, "figcaption": .figcaption]
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

    private func tagInfo(_ name: UnsafePointer<xmlChar>) -> TagInfo {
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
        if let p = current.withUnsafeBufferPointer({ TextNormalizer.paragraph($0) }) { result.paragraphs.append(p) }
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
    mutating func walk(_ first: xmlNodePtr, _ mode: Mode) {
        var node: xmlNodePtr? = first
        while let n = node {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { appendText(content, mode) }
            case XML_ELEMENT_NODE:
                if element(n, mode) == .stopSiblings { return }
            default:
                break
            }
            node = n.pointee.next
        }
    }

    private mutating func appendText(_ content: UnsafeMutablePointer<xmlChar>, _ mode: Mode) {
        let len = Int(xmlStrlen(content))
        let buf = UnsafeBufferPointer(start: content, count: len)
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

    private mutating func element(_ n: xmlNodePtr, _ mode: Mode) -> Next {
        let info = tagInfo(n.pointee.name)
        let tag = info.kind
        switch tag {
        case .br:
            boundary(mode)
            return .go
        case .img:
            // Alt text describes the image: a caption, never body text.
            if mode == .body || mode == .hidden, let alt = attribute(n, "alt"), !Walker.isPlaceholderAlt(alt) {
                addCaption(Array(alt.utf8))
            }
            return .go
        case .hr:
            boundary(mode)
            return Walker.isFeedFooter(after: n) ? .stopSiblings : .go
        case .head:
            // Only the document's <title> is read from the head.
            var child = n.pointee.children
            while let c = child {
                if result.title == nil, c.pointee.type == XML_ELEMENT_NODE, nameIs(c.pointee.name, "title"),
                   let text = c.pointee.children {
                    titleBuffer.removeAll()
                    collectText(text, into: &titleBuffer)
                    result.title = titleBuffer.withUnsafeBufferPointer { TextNormalizer.paragraph($0) }
                }
                child = c.pointee.next
            }
            return .go
        default:
            break
        }
        if info.dropped { return .go }

        var role: ElementRole? = nil
        if n.pointee.properties != nil {
            role = self.role(n)
        }
        if tag == .figcaption && role != .drop { role = .caption }
        if role == nil && (tag == .ul || tag == .ol) && isRelatedLinkList(n) { role = .related }
        if role == nil && tag == .div && Walker.isSmallCaption(n) { role = .caption }
        if mode == .body && tag == .a && Walker.isMoreLink(n) { return .go }

        let children = n.pointee.children
        switch role {
        case .drop:
            return .go
        case .related where mode != .related && mode != .link && mode != .caption:
            if mode == .body { flush() }
            if let children { walk(children, .related) }
            return .go
        case .caption where mode == .body || mode == .hidden:
            if mode == .body { flush() }
            captionBuffer.removeAll(keepingCapacity: true)
            if let children { walk(children, .caption) }
            addCaption(captionBuffer)
            return .go
        case .embed where mode == .body:
            flush()
            if let children { walk(children, .hidden) }
            return .go
        default:
            break
        }

        if mode == .related && tag == .a {
            if let href = attribute(n, "href"), !href.isEmpty, let children {
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
        if let children { walk(children, mode) }
        if block { boundary(mode) }
        return .go
    }

    /// Text content of `first` and its siblings, skipping dropped tags.
    private func collectText(_ first: xmlNodePtr, into out: inout [UInt8]) {
        var node: xmlNodePtr? = first
        while let n = node {
            if n.pointee.type == XML_TEXT_NODE, let c = n.pointee.content {
                out.append(contentsOf: UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c))))
            } else if n.pointee.type == XML_ELEMENT_NODE, let child = n.pointee.children,
                      !tagInfo(n.pointee.name).dropped {
                collectText(child, into: &out)
            }
            node = n.pointee.next
        }
    }

    /// The role that `n`'s class and id give it (`BoilerplateRules.role`, on the attributes'
    /// bytes), decided once per document for each class/id pair.
    private mutating func role(_ n: xmlNodePtr) -> ElementRole? {
        var classAttr: xmlAttrPtr? = nil, idAttr: xmlAttrPtr? = nil
        var attr = n.pointee.properties
        while let a = attr {
            if classAttr == nil, nameIs(a.pointee.name, "class") { classAttr = a }
            else if idAttr == nil, nameIs(a.pointee.name, "id") { idAttr = a }
            attr = a.pointee.next
        }
        guard classAttr != nil || idAttr != nil else { return nil }
        roleKey.removeAll(keepingCapacity: true)
        roleKey.append((classAttr != nil ? 1 : 0) | (idAttr != nil ? 2 : 0))
        if let classAttr { appendValue(classAttr, to: &roleKey) }
        roleKey.append(0)
        let idStart = roleKey.count
        if let idAttr { appendValue(idAttr, to: &roleKey) }
        return roleKey.withUnsafeBufferPointer { key in
            let hash = RoleCache.hash(key)
            if let cached = roleCache.lookup(key, hash) { return cached }
            let role = BoilerplateRules.role(classBytes: classAttr == nil ? nil : UnsafeBufferPointer(rebasing: key[1..<(idStart - 1)]),
                                             idBytes: idAttr == nil ? nil : UnsafeBufferPointer(rebasing: key[idStart...]))
            roleCache.insert(key, hash, role)
            return role
        }
    }

    /// The value of attribute `name`, or nil.
    private func attribute(_ n: xmlNodePtr, _ name: StaticString) -> String? {
        guard let a = attributeNode(n, name) else { return nil }
        if let c = a.pointee.children, c.pointee.next == nil {
            // The usual case: one text child, read in place.
            guard let content = c.pointee.content else { return "" }
            return String(decoding: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))), as: UTF8.self)
        }
        var value: [UInt8] = []
        appendValue(a, to: &value)
        return String(decoding: value, as: UTF8.self)
    }

    /// Previous sibling that is an element, skipping whitespace text.
    private static func previousElement(_ n: xmlNodePtr) -> xmlNodePtr? {
        var p = n.pointee.prev
        while let q = p {
            if q.pointee.type == XML_ELEMENT_NODE { return q }
            if q.pointee.type == XML_TEXT_NODE, let c = q.pointee.content, !isBlank(c) { return nil }
            p = q.pointee.prev
        }
        return nil
    }

    private static func isBlank(_ c: UnsafeMutablePointer<xmlChar>) -> Bool { isBlankText(c) }

    /// A `ul`/`ol` whose every item holds one link of a `BoilerplateRules.relatedLinkClasses`
    /// class and no other text.
    private func isRelatedLinkList(_ list: xmlNodePtr) -> Bool {
        var items = 0
        var li = list.pointee.children
        while let item = li {
            defer { li = item.pointee.next }
            if item.pointee.type == XML_TEXT_NODE, let c = item.pointee.content, Walker.isBlank(c) { continue }
            guard item.pointee.type == XML_ELEMENT_NODE, nameIs(item.pointee.name, "li") else { return false }
            var link: xmlNodePtr? = nil
            var child = item.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    if link != nil || !nameIs(c.pointee.name, "a") { return false }
                    link = c
                } else if c.pointee.type == XML_TEXT_NODE, let t = c.pointee.content, !Walker.isBlank(t) {
                    return false
                }
                child = c.pointee.next
            }
            guard let link, let classes = attribute(link, "class"),
                  classes.split(separator: " ").contains(where: { BoilerplateRules.relatedLinkClasses.contains(String($0)) })
            else { return false }
            items += 1
        }
        return items > 0
    }

    /// `<img …><div><small>caption</small></div>`: how the NYT and DW feeds caption images.
    private static func isSmallCaption(_ n: xmlNodePtr) -> Bool {
        guard let prev = previousElement(n), nameIs(prev.pointee.name, "img") else { return false }
        var small = false
        var child = n.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                if small || !nameIs(c.pointee.name, "small") { return false }
                small = true
            } else if c.pointee.type == XML_TEXT_NODE, let content = c.pointee.content, !isBlank(content) {
                return false
            }
            child = c.pointee.next
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
    private static func isMoreLink(_ n: xmlNodePtr) -> Bool {
        guard let c = n.pointee.children, c.pointee.next == nil, c.pointee.type == XML_TEXT_NODE,
              let content = c.pointee.content else { return false }
        // Compared as bytes, trimmed of ASCII whitespace: no String per link.
        var a = 0, b = Int(xmlStrlen(content))
        while a < b, ASCII.isSpace(content[a]) { a += 1 }
        while b > a, ASCII.isSpace(content[b - 1]) { b -= 1 }
        let text = UnsafeBufferPointer(start: content + a, count: b - a)
        return text.elementsEqual("...more".utf8) || text.elementsEqual("…more".utf8) || text.elementsEqual("more".utf8)
    }

    /// A feed's footer: after an `<hr>`, only a little text (under 400 bytes) of which links make
    /// up a third or more, e.g. `获取更多RSS：https://feedx.net` or WordPress's
    /// `© … for 中国数字时代 | Permalink | … Post tags: …`. Everything after the rule is dropped.
    private static func isFeedFooter(after hr: xmlNodePtr) -> Bool {
        var textBytes = 0
        var linkBytes = 0
        var links = 0
        func scan(_ first: xmlNodePtr?, inLink: Bool) {
            var node = first
            while let n = node, textBytes < 400 {
                if n.pointee.type == XML_TEXT_NODE, let c = n.pointee.content, !isBlank(c) {
                    let len = Int(xmlStrlen(c))
                    textBytes += len
                    if inLink { linkBytes += len }
                } else if n.pointee.type == XML_ELEMENT_NODE {
                    let isLink = nameIs(n.pointee.name, "a")
                    if isLink { links += 1 }
                    scan(n.pointee.children, inLink: inLink || isLink)
                }
                node = n.pointee.next
            }
        }
        scan(hr.pointee.next, inLink: false)
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
