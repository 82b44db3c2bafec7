import Vapor

/// A CSV file as a download: UTF-8, the file name given.
enum CSVDownload {
    static func response(_ text: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.setAttachment(filename: filename)
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
