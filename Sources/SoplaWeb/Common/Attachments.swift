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

}
