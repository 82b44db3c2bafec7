import Foundation

/// A small, safe subset of Markdown for report texts: paragraphs, headings (`#`, `##`, `###`), lists (`- `, `* `,
/// `1. `), quotes (`> `), **bold**, *emphasis*, `code` and [links](https://…). Everything is text: HTML, scripts
/// and `javascript:` links come out as the characters typed, never as markup.
public enum SafeMarkdown {
    /// The blocks of a text; headings start at `headingLevel` (a section's own heading is above them).
    public static func render(_ text: String, headingLevel: Int = 3) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        var quote: [String] = []

        func flush() {
            if !paragraph.isEmpty { nodes.append(el("p", [], inline(paragraph.joined(separator: " ")))); paragraph = [] }
            if let current = list {
                nodes.append(el(current.ordered ? "ol" : "ul", [], current.items.map { el("li", [], inline($0)) }))
                list = nil
            }
            if !quote.isEmpty { nodes.append(el("blockquote", [], [el("p", [], inline(quote.joined(separator: " ")))])); quote = [] }
        }

        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { flush(); continue }
            if let heading = headingText(line) {
                flush()
                nodes.append(el("h\(min(6, headingLevel + heading.depth - 1))", [], inline(heading.text)))
                continue
            }
            if let item = listItem(line) {
                if !paragraph.isEmpty || !quote.isEmpty || (list.map { $0.ordered != item.ordered } ?? false) { flush() }
                if list == nil { list = (item.ordered, []) }
                list!.items.append(item.text)
                continue
            }
            if line.hasPrefix(">") {
                if !paragraph.isEmpty || list != nil { flush() }
                quote.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
                continue
            }
            if list != nil || !quote.isEmpty { flush() }
            paragraph.append(line)
        }
        flush()
        return nodes
    }

    static func headingText(_ line: String) -> (depth: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes, String(line.dropFirst(hashes + 1)))
    }

    static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, String(line.dropFirst(2))) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") { return (true, String(line.dropFirst(digits.count + 2))) }
        return nil
    }

    /// Only web, relative and in-page addresses are links; anything else (javascript:, data:) stays text.
    static func safeURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || (lower.hasPrefix("/") && !lower.hasPrefix("//")) || lower.hasPrefix("#")
    }

    /// Bold, emphasis, code and links within a line; the rest is text.
    public static func inline(_ text: String) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        var plain = ""
        var index = text.startIndex
        func emit() { if !plain.isEmpty { nodes.append(txt(plain)); plain = "" } }
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**"), end.lowerBound > rest.index(rest.startIndex, offsetBy: 2) {
                emit()
                nodes.append(el("strong", [], inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound]))))
                index = end.upperBound
                continue
            }
            if let marker = rest.first, marker == "*" || marker == "_", let end = rest.dropFirst().firstIndex(of: marker), end > rest.index(after: rest.startIndex) {
                emit()
                nodes.append(el("em", [], inline(String(rest[rest.index(after: rest.startIndex)..<end]))))
                index = text.index(after: end)
                continue
            }
            if rest.first == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                emit()
                nodes.append(el("code", text: String(rest[rest.index(after: rest.startIndex)..<end])))
                index = text.index(after: end)
                continue
            }
            if rest.first == "[", let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].first == "(",
               let paren = rest[close...].firstIndex(of: ")") {
                let label = String(rest[rest.index(after: rest.startIndex)..<close])
                let url = String(rest[rest.index(close, offsetBy: 2)..<paren]).trimmingCharacters(in: .whitespaces)
                emit()
                nodes.append(safeURL(url) ? el("a", [("href", url)], inline(label)) : txt(label + " (" + url + ")"))
                index = text.index(after: paren)
                continue
            }
            plain.append(text[index])
            index = text.index(after: index)
        }
        emit()
        return nodes
    }
}
