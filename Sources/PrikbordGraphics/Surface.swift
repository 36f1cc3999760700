import CPixman

/// A 32-bit x8r8g8b8 picture — the layout DRM calls XRGB8888 — that everything
/// on the kiosk is drawn into.
///
/// All drawing is clipped to `clip` (when set) and to the surface's bounds.
/// Colours with `a < 255` blend over what is already there.
public final class Surface {
    public let width: Int
    public let height: Int
    /// Bytes from one row to the next.
    public let stride: Int

    let image: PixmanImage

    /// A one-entry cache: most frames draw runs of the same colour.
    private var solidSource: (color: Color, image: PixmanImage)?

    /// All drawing is clipped to this rectangle; `nil` means the whole surface.
    public var clip: Rect? {
        didSet { applyClip() }
    }

    /// A new surface with its own pixels, filled with `color`.
    public init(width: Int, height: Int, color: Color = .white) {
        image = PixmanImage(format: PIXMAN_x8r8g8b8, width: width, height: height)
        self.width = width
        self.height = height
        stride = image.stride
        fill(bounds, color.withAlpha(255))
    }

    /// Draws into pixels owned by someone else (a DRM dumb buffer, a framebuffer).
    /// The memory must stay valid, `stride` bytes a row, for the surface's life.
    public init(wrapping pixels: UnsafeMutableRawPointer, width: Int, height: Int, stride: Int) {
        image = PixmanImage(
            format: PIXMAN_x8r8g8b8, wrapping: pixels, width: width, height: height,
            stride: stride)
        self.width = width
        self.height = height
        self.stride = stride
    }

    /// The whole surface.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Where drawing may land now: the bounds, cut by `clip`.
    var drawable: Rect { clip.map { $0.intersection(bounds) } ?? bounds }

    /// Paints `rect`; blends when `color.a < 255`.
    public func fill(_ rect: Rect, _ color: Color) {
        // Pixman's solid fill trusts its boxes to lie inside the image.
        let area = rect.intersection(bounds)
        guard color.a > 0, !area.isEmpty else { return }
        var value = color.pixmanColor
        var box = pixman_box32_t(
            x1: Int32(area.minX), y1: Int32(area.minY),
            x2: Int32(area.maxX), y2: Int32(area.maxY))
        let op = color.a == 255 ? PIXMAN_OP_SRC : PIXMAN_OP_OVER
        pixman_image_fill_boxes(op, image.handle, &value, 1, &box)
    }

    /// The colour at a pixel, always opaque; clear outside the surface.
    public func pixel(x: Int, y: Int) -> Color {
        guard x >= 0, y >= 0, x < width, y < height else { return .clear }
        let word = image.withBits { bits in
            bits.load(fromByteOffset: y * stride + x * 4, as: UInt32.self)
        }
        return Color(
            r: UInt8(truncatingIfNeeded: word >> 16), g: UInt8(truncatingIfNeeded: word >> 8),
            b: UInt8(truncatingIfNeeded: word))
    }

    /// The pixel memory, `stride * height` bytes, valid only inside `body`.
    public func withUnsafeMutableBytes<R>(
        _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) rethrows -> R {
        try image.withBits { bits in
            try body(UnsafeMutableRawBufferPointer(start: bits, count: stride * height))
        }
    }

    /// Paints `color` through `mask` (a8 coverage), the mask's `source` part landing at
    /// `destination`.
    func composite(mask: PixmanImage, source: Rect, at destination: Point, _ color: Color) {
        guard color.a > 0, !source.isEmpty else { return }
        pixman_image_composite32(
            PIXMAN_OP_OVER, solid(color).handle, mask.handle, image.handle,
            0, 0, Int32(source.x), Int32(source.y),
            Int32(destination.x), Int32(destination.y),
            Int32(source.width), Int32(source.height))
    }

    /// Paints a whole a8 mask with its top-left corner at `origin`.
    func composite(mask: PixmanImage, at origin: Point, _ color: Color) {
        let all = Rect(x: 0, y: 0, width: mask.width, height: mask.height)
        composite(mask: mask, source: all, at: origin, color)
    }

    /// A solid source for `color`, reused while the colour stays the same.
    func solid(_ color: Color) -> PixmanImage {
        if let cached = solidSource, cached.color == color { return cached.image }
        let source = PixmanImage(solid: color)
        solidSource = (color, source)
        return source
    }

    private func applyClip() {
        guard let clip else {
            pixman_image_set_clip_region32(image.handle, nil)
            return
        }
        var region = pixman_region32_t()
        let area = clip.intersection(bounds)
        if area.isEmpty {
            pixman_region32_init(&region)
        } else {
            pixman_region32_init_rect(
                &region, Int32(area.x), Int32(area.y), UInt32(area.width), UInt32(area.height))
        }
        pixman_image_set_clip_region32(image.handle, &region)
        pixman_region32_fini(&region)
    }
}
