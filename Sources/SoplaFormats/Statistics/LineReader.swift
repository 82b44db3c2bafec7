import Foundation

/// Reads a file line by line in chunks, so memory stays flat however large the file is.
/// Lines end at LF; a CR before it is dropped. Line numbers start at 1.
public final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    public private(set) var lineNumber = 0
    /// Bytes consumed so far, for progress reports.
    public private(set) var bytesRead: Int64 = 0
    private let chunkSize: Int

    public init(url: URL, chunkSize: Int = 1 << 20) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.chunkSize = chunkSize
    }

    deinit {
        try? handle.close()
    }

    /// The next line's bytes, or nil at the end of the file.
    public func next() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                bytesRead += Int64(newline + 1 - start)
                start = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == 0x0D { end -= 1 }
                let line = buffer[start..<end]
                bytesRead += Int64(buffer.count - start)
                start = buffer.count
                lineNumber += 1
                return line
            }
            // Keep the unread tail and append the next chunk.
            if start > 0 {
                buffer.removeSubrange(0..<start)
                start = 0
            }
            let data = try handle.read(upToCount: chunkSize) ?? Data()
            if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
        }
    }
}

/// Text decoding and field splitting for the statistics readers.
enum LineText {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func utf8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// UTF-8 where the bytes are valid UTF-8 (a re-saved export), else ISO-8859-1 as GENESIS writes it.
    static func latin1OrUTF8(_ bytes: ArraySlice<UInt8>) -> String {
        if let text = utf8(bytes) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// Splits one line at the separator; double quotes enclose fields and `""` is a quote. nil for an open quote.
    static func fields(_ line: String, separator: Character) -> [String]? {
        if !line.contains("\"") {
            return line.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line)
        var i = 0
        while i < iterator.count {
            let c = iterator[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < iterator.count, iterator[i + 1] == "\"" { current.append("\""); i += 1 } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
            i += 1
        }
        iterator.removeAll()
        guard !quoted else { return nil }
        fields.append(current)
        return fields
    }
}
