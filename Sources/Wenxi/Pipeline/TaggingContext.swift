/// What the tagging stages see of one document.
package struct TaggingContext {
    package let text: TextBuffer
    package let sentences: [Span]
    /// ICU's word tokens (offsets and kind only), before entity spans re-cut them.
    package let tokens: [TokenSpan]
    package let meta: Meta
    /// The byline step's datelines and credit lines (nil: not searched; the amount stage then
    /// finds them itself).
    var bylines: BylineSpans?

    package init(text: TextBuffer, sentences: [Span], tokens: [TokenSpan], meta: Meta) {
        self.text = text
        self.sentences = sentences
        self.tokens = tokens
        self.meta = meta
    }
}
