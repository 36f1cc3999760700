import CPixman

/// How a photo meets a rectangle of another shape.
public enum ContentMode: Sendable {
    /// Covers the rectangle, cropping the photo's overhang equally on both sides.
    case fill
    /// Shows the whole photo, centred, leaving the rest of the rectangle as it was.
    case fit
}

extension Surface {
    /// Draws `image` into `rect`, scaled smoothly. `circular` shows it in the
    /// circle inscribed in `rect` (filled, whatever `mode`), for faces;
    /// `cornerRadius` rounds the corners of the drawn picture.
    ///
    /// `zoom` above 1 shows a smaller part of the photo, centred across and
    /// a little above the middle: where a portrait has its face.
    public func draw(
        _ image: Image, in rect: Rect, mode: ContentMode = .fill, cornerRadius: Int = 0,
        circular: Bool = false, zoom: Double = 1
    ) {
        guard !rect.isEmpty, image.width > 0, image.height > 0 else { return }
        let frame: Rect
        var crop: Rect
        if circular {
            let side = min(rect.width, rect.height)
            frame = Rect(
                x: rect.x + (rect.width - side) / 2, y: rect.y + (rect.height - side) / 2,
                width: side, height: side)
            crop = Surface.cover(image, frame)
        } else if mode == .fill {
            frame = rect
            crop = Surface.cover(image, frame)
        } else {
            frame = Surface.fit(image, in: rect)
            crop = Rect(x: 0, y: 0, width: image.width, height: image.height)
        }
        guard !frame.intersection(drawable).isEmpty else { return }
        if zoom > 1 && mode == .fill {
            let width = max(1, Int((Double(crop.width) / zoom).rounded()))
            let height = max(1, Int((Double(crop.height) / zoom).rounded()))
            crop = Rect(
                x: crop.x + (crop.width - width) / 2,
                y: crop.y + Int(Double(crop.height - height) * 0.4),
                width: width, height: height)
        }

        let key = ImageVariant.Key(
            width: frame.width, height: frame.height, crop: crop,
            cornerRadius: circular ? 0 : cornerRadius, circular: circular)
        let ready = image.variant(key)
        pixman_image_composite32(
            PIXMAN_OP_OVER, ready.handle, nil, self.image.handle, 0, 0, 0, 0,
            Int32(frame.x), Int32(frame.y), Int32(frame.width), Int32(frame.height))
    }

    /// The centred part of the photo with the frame's proportions.
    private static func cover(_ image: Image, _ frame: Rect) -> Rect {
        let frameRatio = Double(frame.width) / Double(frame.height)
        let imageRatio = Double(image.width) / Double(image.height)
        if imageRatio > frameRatio {
            let w = max(1, Int((Double(image.height) * frameRatio).rounded()))
            return Rect(x: (image.width - w) / 2, y: 0, width: w, height: image.height)
        }
        let h = max(1, Int((Double(image.width) / frameRatio).rounded()))
        return Rect(x: 0, y: (image.height - h) / 2, width: image.width, height: h)
    }

    /// The largest rectangle of the photo's proportions inside `rect`, centred.
    private static func fit(_ image: Image, in rect: Rect) -> Rect {
        let scale = min(
            Double(rect.width) / Double(image.width), Double(rect.height) / Double(image.height))
        let w = max(1, Int((Double(image.width) * scale).rounded()))
        let h = max(1, Int((Double(image.height) * scale).rounded()))
        return Rect(
            x: rect.x + (rect.width - w) / 2, y: rect.y + (rect.height - h) / 2,
            width: w, height: h)
    }
}
