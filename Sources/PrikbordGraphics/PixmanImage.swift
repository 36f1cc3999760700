import CPixman

/// Owns one reference to a pixman image and drops it in `deinit`.
///
/// Pixel memory is either pixman's own (allocated and cleared by pixman, freed with
/// the image) or borrowed from a caller who keeps it alive longer than this object.
final class PixmanImage {
    let handle: OpaquePointer
    let width: Int
    let height: Int

    /// A new, cleared image whose pixels pixman owns.
    init(format: pixman_format_code_t, width: Int, height: Int) {
        precondition(width > 0 && height > 0, "image size \(width)x\(height)")
        guard let image = pixman_image_create_bits(format, Int32(width), Int32(height), nil, 0)
        else { fatalError("pixman could not allocate a \(width)x\(height) image") }
        handle = image
        self.width = width
        self.height = height
    }

    /// Wraps caller-owned pixels; `stride` is in bytes and a multiple of four.
    init(
        format: pixman_format_code_t, wrapping bits: UnsafeMutableRawPointer,
        width: Int, height: Int, stride: Int
    ) {
        precondition(stride % 4 == 0 && stride >= width * 4, "stride \(stride)")
        let words = bits.assumingMemoryBound(to: UInt32.self)
        guard
            let image = pixman_image_create_bits(
                format, Int32(width), Int32(height), words, Int32(stride))
        else { fatalError("pixman refused a \(width)x\(height) image, stride \(stride)") }
        handle = image
        self.width = width
        self.height = height
    }

    /// A source that paints `color` everywhere.
    init(solid color: Color) {
        var value = color.pixmanColor
        guard let image = pixman_image_create_solid_fill(&value)
        else { fatalError("pixman could not make a solid fill") }
        handle = image
        width = 0
        height = 0
    }

    deinit {
        pixman_image_unref(handle)
    }

    var stride: Int { Int(pixman_image_get_stride(handle)) }

    /// Raw pixel memory; valid only inside `body`.
    func withBits<R>(_ body: (UnsafeMutableRawPointer) throws -> R) rethrows -> R {
        guard let bits = pixman_image_get_data(handle)
        else { fatalError("pixman image without pixel memory") }
        return try body(UnsafeMutableRawPointer(bits))
    }
}

extension Color {
    /// Pixman wants 16-bit channels, premultiplied by alpha.
    var pixmanColor: pixman_color_t {
        let alpha = UInt32(a)
        func channel(_ value: UInt8) -> UInt16 {
            UInt16((UInt32(value) * alpha + 127) / 255 * 257)
        }
        return pixman_color_t(
            red: channel(r), green: channel(g), blue: channel(b), alpha: UInt16(alpha * 257))
    }

    /// The colour as one premultiplied a8r8g8b8 word.
    var premultipliedARGB: UInt32 {
        let alpha = UInt32(a)
        func channel(_ value: UInt8) -> UInt32 { (UInt32(value) * alpha + 127) / 255 }
        return alpha << 24 | channel(r) << 16 | channel(g) << 8 | channel(b)
    }
}
