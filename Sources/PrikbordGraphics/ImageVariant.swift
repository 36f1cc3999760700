import CPixman
import FoundationEssentials
import Glibc

/// Making a photo's scaled, cropped and shaped copy for one place on screen.
enum ImageVariant {
    struct Key: Hashable {
        var width: Int
        var height: Int
        /// Part of the photo shown, in photo pixels.
        var crop: Rect
        var cornerRadius: Int
        var circular: Bool
    }

    static func make(from photo: PixmanImage, _ key: Key) -> PixmanImage {
        var source = photo
        var crop = key.crop
        // Shrinking by more than half: halve the cropped part first, as often
        // as needed, so the last pass is a gentle bilinear one.
        while crop.width >= 2 * key.width && crop.height >= 2 * key.height {
            source = halve(source, crop)
            crop = Rect(x: 0, y: 0, width: source.width, height: source.height)
        }
        let result = scale(source, crop: crop, width: key.width, height: key.height)
        shape(result, key)
        return result
    }

    /// `crop` of `source` at half its size, each pixel the mean of the 2×2
    /// under it: bilinear sampling exactly between four pixels weighs them
    /// equally, and pixman's bilinear path is vectorised, where its
    /// convolution filters are not (a 1280×720 photo took 50 ms that way).
    private static func halve(_ source: PixmanImage, _ crop: Rect) -> PixmanImage {
        let width = max(1, crop.width / 2)
        let height = max(1, crop.height / 2)
        let sx = Double(crop.width) / Double(width)
        let sy = Double(crop.height) / Double(height)
        return resample(source, crop: crop, width: width, height: height, sx: sx, sy: sy)
    }

    /// `crop` of `source` resampled to `width` × `height`, bilinear; callers
    /// shrink by at most half per pass, so every photo pixel still counts.
    private static func scale(
        _ source: PixmanImage, crop: Rect, width: Int, height: Int
    ) -> PixmanImage {
        let sx = Double(crop.width) / Double(width)  // photo pixels per screen pixel
        let sy = Double(crop.height) / Double(height)
        return resample(source, crop: crop, width: width, height: height, sx: sx, sy: sy)
    }

    private static func resample(
        _ source: PixmanImage, crop: Rect, width: Int, height: Int, sx: Double, sy: Double
    ) -> PixmanImage {
        let target = PixmanImage(format: PIXMAN_a8r8g8b8, width: width, height: height)
        var transform = pixman_transform_t()
        pixman_transform_init_scale(&transform, fixed(sx), fixed(sy))
        pixman_transform_translate(&transform, nil, fixed(Double(crop.x)), fixed(Double(crop.y)))
        pixman_image_set_transform(source.handle, &transform)
        pixman_image_set_repeat(source.handle, PIXMAN_REPEAT_PAD)
        pixman_image_set_filter(source.handle, PIXMAN_FILTER_BILINEAR, nil, 0)

        pixman_image_composite32(
            PIXMAN_OP_SRC, source.handle, nil, target.handle, 0, 0, 0, 0, 0, 0,
            Int32(width), Int32(height))

        pixman_image_set_transform(source.handle, nil)
        pixman_image_set_filter(source.handle, PIXMAN_FILTER_NEAREST, nil, 0)
        pixman_image_set_repeat(source.handle, PIXMAN_REPEAT_NONE)
        return target
    }

    /// Cuts the corners off (or everything outside the inscribed circle).
    private static func shape(_ image: PixmanImage, _ key: Key) {
        let mask: PixmanImage
        if key.circular {
            let diameter = min(key.width, key.height)
            mask = MaskCache.shared.mask(.disc(diameter: diameter)) {
                Coverage.disc(diameter: diameter)
            }
        } else if key.cornerRadius > 0 {
            let r = min(key.cornerRadius, min(key.width, key.height) / 2)
            let shapeKey = MaskKey.roundedRect(width: key.width, height: key.height, radius: r)
            mask = MaskCache.shared.mask(shapeKey) {
                Coverage.roundedRect(width: key.width, height: key.height, radius: r)
            }
        } else {
            return
        }
        // IN_REVERSE (destination-in) keeps each pixel in proportion to the mask.
        pixman_image_composite32(
            PIXMAN_OP_IN_REVERSE, mask.handle, nil, image.handle, 0, 0, 0, 0, 0, 0,
            Int32(key.width), Int32(key.height))
    }

    private static func fixed(_ value: Double) -> pixman_fixed_t {
        pixman_fixed_t((value * 65536).rounded())
    }
}
