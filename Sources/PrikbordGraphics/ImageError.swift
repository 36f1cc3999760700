/// Why a picture could not be read or written.
public struct ImageError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// Neither a PNG nor a JPEG signature.
        case unknownFormat
        /// The data starts like a known format but does not decode.
        case corrupt
        /// Wider, taller or larger than the kiosk will hold in memory.
        case tooLarge
        /// Reading or writing the file failed.
        case io
        /// The encoder refused the pixels.
        case encoding
    }

    public let kind: Kind
    /// The format concerned: "PNG" or "JPEG", or "image" when unknown.
    public let format: String
    /// What the library or the check said.
    public let reason: String
    /// The file, when there was one.
    public let path: String?

    init(_ kind: Kind, format: String, reason: String, path: String? = nil) {
        self.kind = kind
        self.format = format
        self.reason = reason
        self.path = path
    }

    public var description: String {
        let place = path.map { " (\($0))" } ?? ""
        return "\(format) \(kind): \(reason)\(place)"
    }

    /// Runs `body`, adding `path` to any image error it throws.
    static func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ImageError {
            throw ImageError(error.kind, format: error.format, reason: error.reason, path: path)
        }
    }
}

/// Sizes beyond these are refused before any pixel memory is allocated.
enum ImageLimits {
    static let maxSide = 16_384
    static let maxPixels = 48_000_000
    /// Pixels a photo may hold once decoded (after any scaling on the way):
    /// 2048×2048, 16 MB. A few kilobytes of PNG can claim far more, and a
    /// kiosk's whole budget is 40 MB; a camera's JPEG is decoded smaller.
    static let maxPhotoPixels = 4_194_304

    static func check(
        width: Int, height: Int, format: String, maxPixels: Int = maxPixels
    ) throws {
        guard width > 0, height > 0 else {
            throw ImageError(.corrupt, format: format, reason: "size \(width)x\(height)")
        }
        guard width <= maxSide, height <= maxSide, width * height <= maxPixels else {
            throw ImageError(
                .tooLarge, format: format,
                reason: "size \(width)x\(height), over \(maxPixels) pixels")
        }
    }
}
