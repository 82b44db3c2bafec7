import Foundation
import Plot
import SoplaCore

/// The report as one HTML document for paged media (WeasyPrint): A4, the title in the running header, page numbers
/// in the footer, the table of contents with the page of each chapter, vector maps and charts, and the site's
/// stylesheet for colours.
public enum ReportPrintDocument {
    static let pageCSS = """
    @page { size: A4; margin: 22mm 18mm 22mm 18mm;
      @top-center { content: string(reporttitle); font-size: 8pt; color: #555; }
      @bottom-center { content: "Seite " counter(page) " von " counter(pages); font-size: 8pt; color: #555; } }
    @page :first { @top-center { content: none; } }
    body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.4; color: #111; }
    h1 { string-set: reporttitle content(); font-size: 20pt; }
    .report-chapter, .report-glossary, .report-sources { break-before: page; }
    nav.toc ul { list-style: none; padding-left: 0; }
    nav.toc ul ul { padding-left: 1.2em; }
    nav.toc a { color: #111; text-decoration: none; }
    nav.toc a::after { content: leader(". ") target-counter(attr(href), page); }
    table { border-collapse: collapse; width: 100%; font-size: 8pt; break-inside: auto; table-layout: fixed; }
    th, td { border-bottom: 0.5pt solid #bbb; padding: 1.5pt 3pt; text-align: left; overflow-wrap: break-word; hyphens: auto; }
    table.data { font-size: 8pt; }
    ul.legend { list-style: none; padding-left: 0; }
    table.data thead th { white-space: normal; vertical-align: bottom; font-size: 7pt; }
    table.data thead th:first-child { width: 24%; }
    table.data tbody th { font-size: 8pt; font-weight: 600; }
    table.data td.num { white-space: nowrap; }
    section, .report-block { break-inside: auto; }
    td.num, th.num { text-align: right; }
    tr { break-inside: avoid; }
    figure, .report-block svg { break-inside: avoid; }
    svg { max-width: 100%; height: auto; }
    .map-figure svg { max-height: 150mm; width: auto; }
    h2, h3 { break-after: avoid; }
    .no-print, .skip-link, header, footer, nav.main-nav { display: none; }
    """

    public static func render(_ document: ReportDocument, css: String) -> String {
        render(title: document.report.title, language: document.language, body: document.body(), css: css)
    }

    /// Any body as a printable document (reports, municipality profiles).
    public static func render(title: String, language: Language, body: [HTMLNode], css: String) -> String {
        let head: [HTMLNode] = [
            el("meta", [("charset", "utf-8")]),
            el("title", text: title),
            .raw("<style>" + css.replacingOccurrences(of: "</", with: "<\\/") + "\n" + pageCSS + "</style>"),
        ]
        return HTMLDocument(language: language, head: head, body: [el("article", [("class", "report")], body)]).html
    }
}
