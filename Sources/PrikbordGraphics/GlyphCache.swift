import CPixman

/// A glyph placed in a text block: which face, which glyph, where its pen is.
struct PlacedGlyph {
    /// Index into the layout's face list.
    var face: Int32
    var glyph: UInt32
    /// Pen position from the block's top-left corner; x in 26.6 pixels, y (the
    /// baseline) in whole pixels.
    var x: Int32
    var y: Int32
}

/// Rendered glyph masks (a8), keyed by face (which fixes the pixel size), glyph
/// id and quarter-pixel phase, in pixman's own glyph cache so that a whole
/// block is composited in one call.
///
/// Pixman evicts the least recently used glyphs once it holds about 16 000, and
/// only while thawed: drawing keeps it frozen from lookup to composite.
final class GlyphCache {
    private let cache: OpaquePointer
    private var scratch: [pixman_glyph_t] = []

    init() {
        guard let cache = pixman_glyph_cache_create()
        else { fatalError("pixman could not make a glyph cache") }
        self.cache = cache
    }

    deinit {
        pixman_glyph_cache_destroy(cache)
    }

    /// Composites `glyphs` of `faces` in `source` colour into `target`, the block's
    /// top-left corner at `origin`.
    func draw(
        _ glyphs: [PlacedGlyph], faces: [Face], at origin: Point,
        source: PixmanImage, into target: PixmanImage
    ) {
        guard !glyphs.isEmpty else { return }
        pixman_glyph_cache_freeze(cache)
        defer { pixman_glyph_cache_thaw(cache) }

        scratch.removeAll(keepingCapacity: true)
        for placed in glyphs {
            // Round to the nearest quarter pixel: the whole part places the mask,
            // the quarter picks one of four renderings.
            let quarters = (Int(placed.x) + 8) >> 4
            let face = faces[Int(placed.face)]
            let phase = quarters & 3
            guard let mask = mask(face: face, glyph: placed.glyph, phase: phase) else { continue }
            scratch.append(
                pixman_glyph_t(
                    x: Int32(origin.x + (quarters >> 2)), y: Int32(origin.y) + placed.y,
                    glyph: mask))
        }
        scratch.withUnsafeBufferPointer { list in
            pixman_composite_glyphs_no_mask(
                PIXMAN_OP_OVER, source.handle, target.handle, 0, 0, 0, 0, cache,
                Int32(list.count), list.baseAddress)
        }
    }

    /// The cached mask, rendering it on a miss; `nil` when FreeType fails.
    private func mask(face: Face, glyph: UInt32, phase: Int) -> UnsafeRawPointer? {
        // Pixman only compares keys, never follows them.
        let fontKey = UnsafeMutableRawPointer(bitPattern: face.id + 1)
        let glyphKey = UnsafeMutableRawPointer(bitPattern: (Int(glyph) << 2 | phase) + 1)
        if let hit = pixman_glyph_cache_lookup(cache, fontKey, glyphKey) { return hit }

        return try? face.withRenderedGlyph(glyph, phase: phase) { bitmap in
            let image = GlyphCache.copy(bitmap)
            return pixman_glyph_cache_insert(
                cache, fontKey, glyphKey, Int32(-bitmap.left), Int32(bitmap.top), image.handle)
        }
    }

    /// FreeType's bitmap as a pixman a8 image (pixman copies it on insert).
    private static func copy(_ bitmap: GlyphBitmap) -> PixmanImage {
        let image = PixmanImage(
            format: PIXMAN_a8, width: max(1, bitmap.width),
            height: max(1, bitmap.height))
        guard let rows = bitmap.rows, bitmap.width > 0, bitmap.height > 0 else { return image }
        let stride = image.stride
        image.withBits { bits in
            for y in 0..<bitmap.height {
                let from =
                    bitmap.pitch >= 0
                    ? rows + y * bitmap.pitch
                    : rows + (bitmap.height - 1 - y) * -bitmap.pitch
                (bits + y * stride).copyMemory(from: from, byteCount: bitmap.width)
            }
        }
        return image
    }
}
