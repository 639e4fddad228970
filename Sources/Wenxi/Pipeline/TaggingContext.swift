/// What the tagging stages see of one document.
public struct TaggingContext {
    public let text: TextBuffer
    public let sentences: [Span]
    /// ICU's word tokens (offsets and kind only), before entity spans re-cut them.
    public let tokens: [TokenSpan]
    public let meta: Meta

    public init(text: TextBuffer, sentences: [Span], tokens: [TokenSpan], meta: Meta) {
        self.text = text
        self.sentences = sentences
        self.tokens = tokens
        self.meta = meta
    }

    /// From tokens with their texts (only their offsets and kinds are kept).
    public init(text: TextBuffer, sentences: [Span], tokens: [Token], meta: Meta) {
        self.init(text: text, sentences: sentences,
                  tokens: tokens.map { TokenSpan(start: $0.start, end: $0.end, kind: $0.kind) }, meta: meta)
    }
}
