import CPixman
import CTurboJPEG
import Foundation

/// Decodes JPEG with libjpeg-turbo; owns one TurboJPEG decompressor.
final class JPEGDecoder {
    static let signature: [UInt8] = [0xFF, 0xD8, 0xFF]

    private let handle: tjhandle

    init() throws {
        guard let handle = tjInitDecompress() else {
            throw ImageError(.corrupt, format: "JPEG", reason: "tjInitDecompress failed")
        }
        self.handle = handle
    }

    deinit {
        tjDestroy(handle)
    }

    /// An opaque a8r8g8b8 image (so already premultiplied).
    ///
    /// Warnings count as errors: a blob that libjpeg finds truncated or damaged is
    /// refused instead of drawn half grey.
    func decode(_ data: Data) throws -> PixmanImage {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var width: Int32 = 0
            var height: Int32 = 0
            var subsampling: Int32 = 0
            var colorspace: Int32 = 0
            guard
                tjDecompressHeader3(
                    handle, bytes.baseAddress, UInt(bytes.count), &width, &height,
                    &subsampling, &colorspace) == 0
            else { throw failure("header") }
            try ImageLimits.check(width: Int(width), height: Int(height), format: "JPEG")

            let image = PixmanImage(
                format: PIXMAN_a8r8g8b8, width: Int(width), height: Int(height))
            let flags = TJFLAG_STOPONWARNING | TJFLAG_ACCURATEDCT
            let status = image.withBits { pixels in
                tjDecompress2(
                    handle, bytes.baseAddress, UInt(bytes.count),
                    pixels.assumingMemoryBound(to: UInt8.self), width, Int32(image.stride),
                    height, Int32(TJPF_BGRA.rawValue), flags)
            }
            guard status == 0 else { throw failure("pixels") }
            return image
        }
    }

    private func failure(_ stage: String) -> ImageError {
        let message = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
        return ImageError(.corrupt, format: "JPEG", reason: "\(stage): \(message)")
    }
}
