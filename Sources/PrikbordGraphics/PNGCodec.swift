import CPNG
import CPixman
import FoundationEssentials

/// PNG through libpng's simplified API, which reports errors in the `png_image`
/// instead of `longjmp`-ing through Swift frames.
enum PNGCodec {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Decodes into an a8r8g8b8 image holding straight (not premultiplied) alpha:
    /// BGRA bytes on a little-endian machine.
    /// Images over `maxPixels` are refused before their pixels are allocated.
    static func decode(_ data: Data, maxPixels: Int = ImageLimits.maxPixels) throws -> PixmanImage {
        // libpng keeps the input pointer between begin and finish, so both run inside
        // one `withUnsafeBytes`.
        try data.withUnsafeBytes { bytes in
            var image = png_image()
            image.version = UInt32(PNG_IMAGE_VERSION)
            guard png_image_begin_read_from_memory(&image, bytes.baseAddress, bytes.count) != 0
            else { throw failure(image, .corrupt) }

            let width = Int(image.width)
            let height = Int(image.height)
            do {
                try ImageLimits.check(
                    width: width, height: height, format: "PNG", maxPixels: maxPixels)
            } catch {
                png_image_free(&image)
                throw error
            }

            image.format = UInt32(PNG_FORMAT_BGRA)
            let result = PixmanImage(format: PIXMAN_a8r8g8b8, width: width, height: height)
            let finished = result.withBits { pixels in
                png_image_finish_read(&image, nil, pixels, Int32(result.stride), nil)
            }
            guard finished != 0 else { throw failure(image, .corrupt) }
            return result
        }
    }

    /// Encodes `height` rows of tightly packed BGR bytes.
    static func encodeBGR(_ pixels: UnsafeRawPointer, width: Int, height: Int) throws -> Data {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_BGR)
        let stride = Int32(width * 3)

        var size = 0
        guard png_image_write_to_memory(&image, nil, &size, 0, pixels, stride, nil) != 0
        else { throw failure(image, .encoding) }
        var data = Data(count: size)
        let written = data.withUnsafeMutableBytes { out in
            png_image_write_to_memory(&image, out.baseAddress, &size, 0, pixels, stride, nil)
        }
        guard written != 0 else { throw failure(image, .encoding) }
        data.count = size
        return data
    }

    private static func failure(_ image: png_image, _ kind: ImageError.Kind) -> ImageError {
        var message = image.message
        let text = withUnsafeBytes(of: &message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return ImageError(kind, format: "PNG", reason: text.isEmpty ? "libpng failed" : text)
    }
}
