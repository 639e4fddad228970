import Foundation

/// Reading input files with bounded memory (the batch runtime walks folders: `DirectoryWalker`).
package enum InputFiles {
    /// Default largest input accepted, in bytes. A report holds the text several times over
    /// (string, scalars, UTF-16, sentences, JSON), so an input's peak memory is a multiple of its
    /// size; refusing larger inputs keeps a batch's memory bounded by the jobs in flight.
    package static let defaultMaxBytes = 3 << 20

    /// Reads a whole file, refusing (before reading it) a file larger than `maxBytes`. Works for
    /// regular files and for pipes / character devices (`/dev/stdin`, `<(cmd)`), which are read
    /// up to `maxBytes + 1` bytes. A named pipe with no writer is an error, not a hang
    /// (`openForReading`).
    package static func read(path: String, maxBytes: Int = defaultMaxBytes) throws -> [UInt8] {
        let (fd, first) = try openForReading(path: path)
        defer { close(fd) }
        if first.count > maxBytes { throw tooLarge(first.count, maxBytes, atLeast: true) }
        return try read(fd: fd, maxBytes: maxBytes, first: first)
    }

    /// How long `openForReading` waits for a writer to come to a named pipe that has none.
    package static let pipeWriterWait: Int32 = 1000 // ms

    /// Opens `path` read-only without ever blocking on a named pipe (FIFO) that no process is
    /// writing to: opening one normally waits for a writer forever. The pipe is opened
    /// non-blocking and read once: data (returned as `first`, to be used before reading on) or
    /// EAGAIN mean a writer is there; end-of-file means none is, and then a writer gets
    /// `pipeWriterWait` ms to come before the pipe is refused. The descriptor returned blocks.
    package static func openForReading(path: String) throws -> (fd: Int32, first: [UInt8]) {
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
    package static func openError(path: String, _ code: Int32) -> WenxiError {
        if code == ENOENT {
            var lst = stat()
            if lstat(path, &lst) == 0 && lst.st_mode & S_IFMT == S_IFLNK { return .unreadable("dangling symbolic link") }
        }
        if code == ELOOP { return .unreadable("symbolic link loop (too many levels of symbolic links)") }
        return errnoError(code)
    }

    /// Why `path` cannot be used (after `kind(of:)` said `.missing`): `no such file or directory`,
    /// a dangling symbolic link, a symbolic link loop, a path through a file (`not a directory`)…
    package static func failure(of path: String) -> WenxiError {
        var st = stat()
        if stat(path, &st) == 0 { return .unreadable("changed while being read") }
        let code = errno
        if code == ENOENT, path.unicodeScalars.contains("\u{FFFD}") { return notUTF8Name }
        return openError(path: path, code)
    }

    /// A name whose bytes are not UTF-8 (a GBK `新聞.txt`) reaches wenxi with U+FFFD in place of
    /// the bad bytes (the command line and directory listings are decoded as UTF-8), so the file
    /// cannot be opened by that name.
    package static let notUTF8Name = WenxiError.unreadable("file name is not valid UTF-8 (shown with U+FFFD for the bad bytes); wenxi opens UTF-8 names only: rename it (convmv -f gbk -t utf8)")

    /// `path` for an error line: control characters (a newline in a file name) escaped as `\n`,
    /// `\t`, `\u{1B}`, so that one error stays one line.
    package static func displayPath(_ path: String) -> String {
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
    package static func read(fd: Int32, maxBytes: Int = defaultMaxBytes, first: [UInt8] = []) throws -> [UInt8] {
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
    package static func errnoError(_ code: Int32) -> WenxiError {
        if code == ENOENT { return .notFound }
        return .unreadable(String(cString: strerror(code)).lowercased())
    }

    /// What a path names.
    package enum Kind: Equatable, Sendable { case file, directory, other, missing }

    /// The kind of `path`, following symlinks.
    package static func kind(of path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Size of a regular file, or nil.
    package static func size(of path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(st.st_size)
    }
}
