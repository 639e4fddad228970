/// The lines of UTF-8 bytes, as every line-oriented reader splits them (dictionary files,
/// `--lines` input, stream input): a line ends at LF; a CR right before the LF belongs to the line
/// end (CRLF), a lone CR does not end a line; the LF after the last line is optional, so
/// `"a\n"` is one line and empty bytes are none.
@usableFromInline package struct ByteLines<Bytes: RandomAccessCollection<UInt8>>: Sequence where Bytes.Index == Int {
    /// One line: `content` is its byte range without the line end; `crlf` says whether it ended
    /// in CR LF (or in CR at the end of the bytes).
    @usableFromInline package struct Line: Equatable {
        @usableFromInline package var content: Range<Int>
        @usableFromInline package var crlf: Bool

        @inlinable
        package init(content: Range<Int>, crlf: Bool) {
            self.content = content
            self.crlf = crlf
        }

        /// The line without its LF but with the CR of a CR LF: what splitting at LF alone gives.
        @inlinable
        package var contentAndCR: Range<Int> { content.lowerBound..<(content.upperBound + (crlf ? 1 : 0)) }
    }

    @usableFromInline package let bytes: Bytes

    @inlinable
    package init(_ bytes: Bytes) { self.bytes = bytes }

    @usableFromInline package struct Iterator: IteratorProtocol {
        @usableFromInline let bytes: Bytes
        @usableFromInline var start: Int

        @inlinable
        init(bytes: Bytes, start: Int) {
            self.bytes = bytes
            self.start = start
        }

        @inlinable
        package mutating func next() -> Line? {
            let n = bytes.endIndex
            guard start < n else { return nil }
            var end = start
            while end < n && bytes[end] != 0x0A { end += 1 }
            let next = end + 1
            var crlf = false
            if end > start && bytes[end - 1] == 0x0D { end -= 1; crlf = true }
            defer { start = next }
            return Line(content: start..<end, crlf: crlf)
        }
    }

    @inlinable
    package func makeIterator() -> Iterator { Iterator(bytes: bytes, start: bytes.startIndex) }
}
