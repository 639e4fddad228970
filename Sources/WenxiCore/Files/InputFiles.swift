import Foundation

/// Reading input files with bounded memory, and walking directories lazily.
public enum InputFiles {
    /// Default largest input accepted, in bytes. A report holds the text several times over
    /// (string, scalars, UTF-16, sentences, JSON), so an input's peak memory is a multiple of its
    /// size; refusing larger inputs keeps a batch's memory bounded by the jobs in flight.
    public static let defaultMaxBytes = 3 << 20

    /// Reads a whole file, refusing (before reading it) a file larger than `maxBytes`. Works for
    /// regular files and for pipes / character devices (`/dev/stdin`, `<(cmd)`), which are read
    /// up to `maxBytes + 1` bytes. A named pipe with no writer is an error, not a hang
    /// (`openForReading`).
    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws -> [UInt8] {
        let (fd, first) = try openForReading(path: path)
        defer { close(fd) }
        if first.count > maxBytes { throw tooLarge(first.count, maxBytes, atLeast: true) }
        return try read(fd: fd, maxBytes: maxBytes, first: first)
    }

    /// How long `openForReading` waits for a writer to come to a named pipe that has none.
    public static let pipeWriterWait: Int32 = 1000 // ms

    /// Opens `path` read-only without ever blocking on a named pipe (FIFO) that no process is
    /// writing to: opening one normally waits for a writer forever. The pipe is opened
    /// non-blocking and read once: data (returned as `first`, to be used before reading on) or
    /// EAGAIN mean a writer is there; end-of-file means none is, and then a writer gets
    /// `pipeWriterWait` ms to come before the pipe is refused. The descriptor returned blocks.
    public static func openForReading(path: String) throws -> (fd: Int32, first: [UInt8]) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw openError(path: path, errno) }
        var ok = false
        defer { if !ok { close(fd) } }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw errnoError(errno) }
        let mode = st.st_mode & S_IFMT
        if mode == S_IFDIR { throw WenxiError.unreadable("is a directory") }
        var first: [UInt8] = []
        if mode == S_IFIFO {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n > 0 { first = Array(chunk[0..<n]); break }
                if n < 0 && errno == EINTR { continue }
                if n < 0 && errno == EAGAIN { break } // a writer is there, with nothing written yet
                if n < 0 { throw errnoError(errno) }
                // End of file: no writer. Wait a little for one (it may be starting).
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                var r: Int32
                repeat { r = poll(&p, 1, pipeWriterWait) } while r < 0 && errno == EINTR
                if r == 0 {
                    throw WenxiError.unreadable("named pipe (FIFO) with no writer (waited \(pipeWriterWait) ms); skipped")
                }
                break
            }
        }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == 0 else { throw errnoError(errno) }
        ok = true
        return (fd, first)
    }

    /// The error for a path that `open` or `stat` refused: says which symbolic link is broken.
    static func openError(path: String, _ code: Int32) -> WenxiError {
        if code == ENOENT {
            var lst = stat()
            if lstat(path, &lst) == 0 && lst.st_mode & S_IFMT == S_IFLNK { return .unreadable("dangling symbolic link") }
        }
        if code == ELOOP { return .unreadable("symbolic link loop (too many levels of symbolic links)") }
        return errnoError(code)
    }

    /// Why `path` cannot be used (after `kind(of:)` said `.missing`): `no such file or directory`,
    /// a dangling symbolic link, a symbolic link loop, a path through a file (`not a directory`)…
    public static func failure(of path: String) -> WenxiError {
        var st = stat()
        if stat(path, &st) == 0 { return .unreadable("changed while being read") }
        let code = errno
        if code == ENOENT, path.unicodeScalars.contains("\u{FFFD}") { return notUTF8Name }
        return openError(path: path, code)
    }

    /// A name whose bytes are not UTF-8 (a GBK `新聞.txt`) reaches wenxi with U+FFFD in place of
    /// the bad bytes (the command line and directory listings are decoded as UTF-8), so the file
    /// cannot be opened by that name.
    public static let notUTF8Name = WenxiError.unreadable("file name is not valid UTF-8 (shown with U+FFFD for the bad bytes); wenxi opens UTF-8 names only: rename it (convmv -f gbk -t utf8)")

    /// `path` for an error line: control characters (a newline in a file name) escaped as `\n`,
    /// `\t`, `\u{1B}`, so that one error stays one line.
    public static func displayPath(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return path }
        var out = ""
        for c in path.unicodeScalars {
            switch c {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where c.value < 0x20 || c.value == 0x7F: out += "\\u{" + String(c.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Reads everything from an open descriptor (a file, a pipe, stdin), up to `maxBytes`;
    /// `first` is data already read from it.
    public static func read(fd: Int32, maxBytes: Int = defaultMaxBytes, first: [UInt8] = []) throws -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw errnoError(errno) }
        let mode = st.st_mode & S_IFMT
        if mode == S_IFDIR { throw WenxiError.unreadable("is a directory") }
        let isRegular = mode == S_IFREG
        if isRegular, Int(st.st_size) > maxBytes { throw tooLarge(Int(st.st_size), maxBytes) }
        var out: [UInt8] = first
        if isRegular { out.reserveCapacity(Int(st.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw errnoError(errno)
            }
            if n == 0 { break }
            if out.count + n > maxBytes {
                throw tooLarge(isRegular ? Int(st.st_size) : out.count + n, maxBytes, atLeast: !isRegular)
            }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    static func tooLarge(_ size: Int, _ max: Int, atLeast: Bool = false) -> WenxiError {
        .unreadable("input too large (\(atLeast ? "over " : "")\(size) bytes; the limit is \(max), see --max-bytes)")
    }

    /// `cannot read: permission denied` and the like, from an errno value.
    public static func errnoError(_ code: Int32) -> WenxiError {
        if code == ENOENT { return .notFound }
        return .unreadable(String(cString: strerror(code)).lowercased())
    }

    /// What a path names.
    public enum Kind: Equatable, Sendable { case file, directory, other, missing }

    /// The kind of `path`, following symlinks.
    public static func kind(of path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Size of a regular file, or nil.
    public static func size(of path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(st.st_size)
    }
}

/// Lazily walks a directory tree, depth first, each directory's entries in sorted order (by
/// Unicode scalar values of the name, then files and folders alike). Holds only the sorted
/// listings of the directories on the current path, never the whole tree. Skips names starting
/// with `.`; does not follow symlinks to directories (no cycles); symlinks to files are files.
/// Yields `.file(path)` for regular files and `.failure(path, error)` for entries it cannot
/// use: an unlistable directory, a dangling symlink or symlink loop, a FIFO or device (reading one
/// could block).
public struct DirectoryWalker: IteratorProtocol, Sequence {
    public enum Entry: Equatable, Sendable {
        case file(String)
        case failure(String, WenxiError)
    }

    private var stack: [(dir: String, names: [String], next: Int)] = []
    private var pending: [Entry] = []

    public init(root: String) {
        if let names = listing(root, &pending) { stack.append((root, names, 0)) }
    }

    public mutating func next() -> Entry? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            guard var top = stack.popLast() else { return nil }
            guard top.next < top.names.count else { continue }
            let name = top.names[top.next]
            top.next += 1
            stack.append(top)
            let path = top.dir.hasSuffix("/") ? top.dir + name : top.dir + "/" + name
            var lst = stat()
            guard lstat(path, &lst) == 0 else {
                if errno == ENOENT && name.unicodeScalars.contains("\u{FFFD}") { return .failure(path, InputFiles.notUTF8Name) }
                return .failure(path, InputFiles.errnoError(errno))
            }
            var mode = lst.st_mode & S_IFMT
            if mode == S_IFLNK {
                var st = stat()
                guard stat(path, &st) == 0 else { return .failure(path, InputFiles.openError(path: path, errno)) }
                mode = st.st_mode & S_IFMT
                if mode == S_IFDIR { continue } // not followed: avoids cycles
            }
            switch mode {
            case S_IFREG: return .file(path)
            case S_IFDIR:
                if let names = listing(path, &pending) { stack.append((path, names, 0)) }
            default:
                return .failure(path, .unreadable("not a regular file (FIFO, socket or device); skipped"))
            }
        }
    }

    private func listing(_ dir: String, _ failures: inout [Entry]) -> [String]? {
        guard let d = opendir(dir) else {
            failures.append(.failure(dir, .unreadable("cannot list directory: " + String(cString: strerror(errno)).lowercased())))
            return nil
        }
        defer { closedir(d) }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        names.sort { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        return names
    }
}

/// Reads a stream line by line (split on `\n`; a trailing `\r` is dropped), holding one line at
/// a time. A line longer than `maxBytes` is skipped to its end without being held, and reported
/// as `.tooLong`.
public final class LineReader {
    public enum Line: Equatable {
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
    public private(set) var bytesRead = 0

    public init(fd: Int32, ownsFD: Bool = false, maxBytes: Int = InputFiles.defaultMaxBytes) {
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
    public var hasReadyLine: Bool {
        if regularFile || eof || buffer[start..<end].contains(0x0A) { return true }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) == 1
    }

    /// Opens `path` for reading line by line.
    public convenience init(path: String, maxBytes: Int = InputFiles.defaultMaxBytes) throws {
        let (fd, first) = try InputFiles.openForReading(path: path)
        self.init(fd: fd, ownsFD: true, maxBytes: maxBytes)
        buffer.replaceSubrange(0..<first.count, with: first)
        end = first.count
    }

    deinit { if ownsFD { close(fd) } }

    /// The next line, or nil at the end. A read error ends the stream (thrown).
    public func next() throws -> Line? {
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
