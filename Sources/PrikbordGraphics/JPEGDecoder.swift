import CPixman
import CTurboJPEG
import FoundationEssentials

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
    ///
    /// With `atLeast`, libjpeg-turbo decodes at 1/8, 1/4 or 1/2 of the size
    /// when the shorter side still keeps that many pixels: a 480-pixel photo
    /// for a 100-pixel avatar costs a sixteenth of the memory and time.
    func decode(
        _ data: Data, atLeast side: Int? = nil, maxPixels: Int = ImageLimits.maxPixels
    ) throws -> PixmanImage {
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
            let denominator = Self.scaleDenominator(
                width: Int(width), height: Int(height), atLeast: side)
            // TurboJPEG rounds scaled sizes up, as TJSCALED does.
            let full = (width, height)
            width = Int32((Int(full.0) + denominator - 1) / denominator)
            height = Int32((Int(full.1) + denominator - 1) / denominator)
            try ImageLimits.check(
                width: Int(width), height: Int(height), format: "JPEG", maxPixels: maxPixels)

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

    /// The largest of 8, 4, 2 and 1 that keeps the shorter side at `side` or more.
    static func scaleDenominator(width: Int, height: Int, atLeast side: Int?) -> Int {
        guard let side, side > 0 else { return 1 }
        let shorter = min(width, height)
        return [8, 4, 2].first { shorter / $0 >= side } ?? 1
    }

    private func failure(_ stage: String) -> ImageError {
        let message = tjGetErrorStr2(handle).map { String(cString: $0) } ?? "unknown error"
        return ImageError(.corrupt, format: "JPEG", reason: "\(stage): \(message)")
    }
}
