import Plot

/// Every node of our pages. Plot escapes text; attribute values are escaped by `el` and `attr`.
public typealias HTMLNode = Node<HTML.BodyContext>

/// HTML elements that have no end tag.
let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

/// An element with escaped attribute values and child nodes.
public func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
    if voidElements.contains(name) {
        precondition(children.isEmpty, "<\(name)> cannot have content")
        return .selfClosedElement(named: name, attributes: attributes.compactMap { name, value in
            value.map { Attribute<HTML.BodyContext>.attribute(named: name, value: escapeAttribute($0)) }
        })
    }
    return .element(named: name, nodes: attributes.compactMap { name, value in
        value.map { HTMLNode.attribute(named: name, value: escapeAttribute($0), ignoreIfValueIsEmpty: false) }
    } + children)
}

public func el(_ name: String, _ attributes: [(String, String?)] = [], text: String) -> HTMLNode {
    el(name, attributes, [txt(text)])
}

/// A boolean attribute such as `hidden`.
public func flag(_ name: String) -> HTMLNode {
    .attribute(named: name)
}

/// Plot writes attribute values as they are, so we escape them here: no value can end the attribute.
public func escapeAttribute(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.count)
    for scalar in value.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}

/// Text content; Plot escapes `<` and `>`, and `&` unless it starts an entity, so we escape `&` first.
public func txt(_ value: String) -> HTMLNode {
    .text(value.replacingOccurrences(of: "&", with: "&amp;"))
}

/// A text typed with line breaks as paragraphs: one `<p>` per block between empty lines, single breaks kept as `<br>`.
public func paragraphs(_ text: String) -> [HTMLNode] {
    text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        .map { block in
            el("p", [], block.components(separatedBy: "\n").enumerated().flatMap { index, line in index == 0 ? [txt(line)] : [el("br"), txt(line)] })
        }
}

/// A complete HTML document.
public struct HTMLDocument: Sendable {
    public let html: String

    public init(language: Language, head: [HTMLNode], body: [HTMLNode]) {
        let root: HTMLNode = el("html", [("lang", language.rawValue)], [
            el("head", [], head),
            el("body", [], body),
        ])
        html = "<!DOCTYPE html>\n" + root.render()
    }
}
