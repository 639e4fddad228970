import Foundation
import Wenxi

/// Reads a stream line by line (split on `\n`; a trailing `\r` is dropped), holding one line at
/// a time. A line longer than `maxBytes` is skipped to its end without being held, and reported
/// as `.tooLong`.
package final class LineReader {
    package enum Line: Equatable {
        case line(number: Int, bytes: [UInt8])
        case tooLong(number: Int, bytes: Int)
    }

    private let fd: Int32
    private let ownsFD: Bool
    private let maxBytes: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0
    private var end = 0
    private var eof = false
    private var lineNumber = 0
    /// A regular file never makes `next()` wait for a writer.
    private let regularFile: Bool
    /// Bytes consumed so far (for progress).
    package private(set) var bytesRead = 0

    package init(fd: Int32, ownsFD: Bool = false, maxBytes: Int = InputFiles.defaultMaxBytes) {
        self.fd = fd
        self.ownsFD = ownsFD
        self.maxBytes = maxBytes
        var st = stat()
        regularFile = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether `next()` can go on without waiting for a writer: the stream is a regular file, a
    /// whole line (or the end) is buffered, or more bytes are waiting in the pipe (a fast feed
    /// keeps every worker busy). Batches of stream lines take only ready lines, so a report
    /// never waits for input that has not been sent yet.
    package var hasReadyLine: Bool {
        if regularFile || eof || buffer[start..<end].contains(0x0A) { return true }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) == 1
    }

    /// Opens `path` for reading line by line.
    package convenience init(path: String, maxBytes: Int = InputFiles.defaultMaxBytes) throws {
        let (fd, first) = try InputFiles.openForReading(path: path)
        self.init(fd: fd, ownsFD: true, maxBytes: maxBytes)
        buffer.replaceSubrange(0..<first.count, with: first)
        end = first.count
    }

    deinit { if ownsFD { close(fd) } }

    /// The next line, or nil at the end. A read error ends the stream (thrown).
    package func next() throws -> Line? {
        var line: [UInt8] = []
        var length = 0
        var overflow = false
        while true {
            if start < end {
                let found = buffer[start..<end].firstIndex(of: 0x0A)
                let stop = found ?? end
                let n = stop - start
                length += n
                if !overflow {
                    if length > maxBytes {
                        overflow = true
                        line = []
                    } else {
                        line.append(contentsOf: buffer[start..<stop])
                    }
                }
                bytesRead += n
                start = stop
                if found != nil {
                    start += 1
                    bytesRead += 1
                    return finish(line, length, overflow)
                }
            }
            if eof {
                if length == 0 && !overflow { return nil }
                return finish(line, length, overflow)
            }
            try fill()
        }
    }

    private func finish(_ line: [UInt8], _ length: Int, _ overflow: Bool) -> Line {
        lineNumber += 1
        if overflow { return .tooLong(number: lineNumber, bytes: length) }
        var l = line
        if l.last == 0x0D { l.removeLast() }
        return .line(number: lineNumber, bytes: l)
    }

    private func fill() throws {
        start = 0
        end = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                eof = true
                throw InputFiles.errnoError(errno)
            }
            if n == 0 { eof = true }
            end = n
            return
        }
    }
}
