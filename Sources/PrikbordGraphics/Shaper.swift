import CHarfBuzz

/// A glyph as HarfBuzz shaped it, before lines are broken.
struct ShapedGlyph {
    var glyph: UInt32
    /// Byte offset of the glyph's cluster in the paragraph's UTF-8.
    var cluster: UInt32
    /// 26.6 pixels.
    var advance: Int32
    var offsetX: Int32
    var offsetY: Int32
}

/// Owns one HarfBuzz buffer, reused for every run so shaping allocates little.
final class Shaper {
    private let buffer: OpaquePointer

    init() {
        guard let buffer = hb_buffer_create() else { fatalError("hb_buffer_create failed") }
        self.buffer = buffer
    }

    deinit {
        hb_buffer_destroy(buffer)
    }

    /// Shapes `range` of the paragraph with `face` and appends the glyphs. The
    /// rest of the paragraph is given as context, so joining and marks at the
    /// run's edges come out right.
    func shape(
        _ utf8: UnsafeBufferPointer<UInt8>, range: Range<Int>, face: Face,
        into glyphs: inout [ShapedGlyph]
    ) {
        hb_buffer_clear_contents(buffer)
        utf8.withMemoryRebound(to: CChar.self) { text in
            hb_buffer_add_utf8(
                buffer, text.baseAddress, Int32(text.count), UInt32(range.lowerBound),
                Int32(range.count))
        }
        // TODO: right-to-left scripts need bidi reordering; runs are laid out left to right.
        hb_buffer_guess_segment_properties(buffer)
        face.withShapingFont { hb_shape($0, buffer, nil, 0) }

        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
            let positions = hb_buffer_get_glyph_positions(buffer, &count)
        else { return }
        // A synthetic weight is wider by the emboldening.
        let extra = Int32(face.embolden)
        for i in 0..<Int(count) {
            let info = infos[i]
            let position = positions[i]
            glyphs.append(
                ShapedGlyph(
                    glyph: info.codepoint, cluster: info.cluster,
                    advance: position.x_advance + (position.x_advance > 0 ? extra : 0),
                    offsetX: position.x_offset, offsetY: position.y_offset))
        }
    }
}
