import Foundation
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Shared helpers of the Tag* suites.
enum TagFixtures {
    static let root = Fixtures.packageRoot.appendingPathComponent("Tests/WenxiTests")
    static let dictionaries = root.appendingPathComponent("Fixtures/dictionaries").path
    /// The package's own Dictionaries/ folder.
    static let packageDictionaries = Fixtures.packageRoot.appendingPathComponent("Dictionaries").path

    /// The test dictionaries, compiled once for all tests.
    static let lexicon: Lexicon = try! Lexicon(directory: dictionaries)
    static let tagger = EntityTagger(lexicon: lexicon)

    /// Tags `text` (plain body) with `tagger`, with ICU tokens as the pipeline would give them.
    static func tag(_ text: String, title: String? = nil, tagger: EntityTagger = TagFixtures.tagger) throws -> [Entity] {
        let buffer = TextBuffer(text)
        let tokens = try Segmenter().tokenSpans(buffer)
        return tagger.tag(TaggingContext(text: buffer, sentences: [Span(start: 0, end: buffer.count)], tokens: tokens,
                                         meta: Meta(title: title)))
    }
}

/// Text with spans marked by ⟦ ⟧, so tests never count offsets by hand.
struct MarkedText {
    let text: String
    let spans: [Span]

    init(_ marked: String) {
        var out = String.UnicodeScalarView()
        var spans: [Span] = []
        var open = 0
        for u in marked.unicodeScalars {
            if u == "⟦" { open = out.count } else if u == "⟧" { spans.append(Span(start: open, end: out.count)) } else { out.append(u) }
        }
        text = String(out)
        self.spans = spans
    }
}
