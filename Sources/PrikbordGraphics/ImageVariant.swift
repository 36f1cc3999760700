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

    /// Scales so one pass never shrinks by more than this; beyond it the
    /// convolution grows slow and the result aliased.
    private static let maxPassFactor = 6.0

    static func make(from photo: PixmanImage, _ key: Key) -> PixmanImage {
        var source = photo
        var crop = key.crop
        // Huge photo, small avatar: shrink the whole photo in steps first.
        while Double(crop.width) / Double(key.width) > maxPassFactor
            || Double(crop.height) / Double(key.height) > maxPassFactor
        {
            let w = max(1, source.width / 4)
            let h = max(1, source.height / 4)
            let smaller = scale(
                source, crop: Rect(x: 0, y: 0, width: source.width, height: source.height),
                width: w, height: h)
            let fx = Double(w) / Double(source.width)
            let fy = Double(h) / Double(source.height)
            crop = Rect(
                x: Int(Double(crop.x) * fx), y: Int(Double(crop.y) * fy),
                width: max(1, Int((Double(crop.width) * fx).rounded())),
                height: max(1, Int((Double(crop.height) * fy).rounded())))
            source = smaller
        }
        let result = scale(source, crop: crop, width: key.width, height: key.height)
        shape(result, key)
        return result
    }

    /// `crop` of `source` resampled to `width` × `height`.
    private static func scale(
        _ source: PixmanImage, crop: Rect, width: Int, height: Int
    ) -> PixmanImage {
        let target = PixmanImage(format: PIXMAN_a8r8g8b8, width: width, height: height)
        let sx = Double(crop.width) / Double(width)  // photo pixels per screen pixel
        let sy = Double(crop.height) / Double(height)

        var transform = pixman_transform_t()
        pixman_transform_init_scale(&transform, fixed(sx), fixed(sy))
        pixman_transform_translate(&transform, nil, fixed(Double(crop.x)), fixed(Double(crop.y)))
        pixman_image_set_transform(source.handle, &transform)
        pixman_image_set_repeat(source.handle, PIXMAN_REPEAT_PAD)
        setFilter(source, sx: sx, sy: sy)

        pixman_image_composite32(
            PIXMAN_OP_SRC, source.handle, nil, target.handle, 0, 0, 0, 0, 0, 0,
            Int32(width), Int32(height))

        pixman_image_set_transform(source.handle, nil)
        pixman_image_set_filter(source.handle, PIXMAN_FILTER_NEAREST, nil, 0)
        pixman_image_set_repeat(source.handle, PIXMAN_REPEAT_NONE)
        return target
    }

    /// Shrinking averages every photo pixel under a screen pixel (a box sample
    /// of a bilinear reconstruction), so faces come out smooth, not jagged;
    /// enlarging is bilinear.
    private static func setFilter(_ source: PixmanImage, sx: Double, sy: Double) {
        guard sx > 1.1 || sy > 1.1 else {
            pixman_image_set_filter(source.handle, PIXMAN_FILTER_BILINEAR, nil, 0)
            return
        }
        var count: Int32 = 0
        guard
            let parameters = pixman_filter_create_separable_convolution(
                &count, fixed(max(sx, 1)), fixed(max(sy, 1)),
                PIXMAN_KERNEL_LINEAR, PIXMAN_KERNEL_LINEAR,
                PIXMAN_KERNEL_BOX, PIXMAN_KERNEL_BOX, 4, 4)
        else {
            pixman_image_set_filter(source.handle, PIXMAN_FILTER_BEST, nil, 0)
            return
        }
        pixman_image_set_filter(
            source.handle, PIXMAN_FILTER_SEPARABLE_CONVOLUTION, parameters, count)
        free(parameters)
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
