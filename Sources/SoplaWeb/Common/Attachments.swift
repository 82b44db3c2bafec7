import Foundation
import SoplaApp
import SoplaCore
import SoplaRender
import SoplaStore
import Vapor

/// Uploaded documents (paper attachments, application documents): the size limit and how one is recorded.
enum Attachments {
    /// Attachments of papers and funding applications: PDF, ODT or DOCX up to 20 MB.
    static let uploadLimit = UploadLimit(fileBytes: AttachmentCheck.maximumBytes)

    /// An attachment record for checked bytes, with the SHA-1 and SHA-512 checksums OParl publishes.
    static func attachment(_ data: Data, paperID: UUID, fileName: String, mediaType: String, at: Date, by actor: AuditActor) -> Attachment {
        Attachment(id: UUID(), paperID: paperID, fileName: fileName, mediaType: mediaType, size: data.count,
                   sha1: Insecure.SHA1.hash(data: data).map { String(format: "%02x", $0) }.joined(),
                   sha512: SHA512.hash(data: data).map { String(format: "%02x", $0) }.joined(), createdAt: at, createdBy: actor.label)
    }
}
