import CPixman

/// Antialiased coverage masks (a8), computed once per shape and size.
///
/// Pixels wholly inside or outside a curve are decided from their centre; only
/// those the edge crosses are supersampled (16 × 16), so a mask costs little more
/// than its edge.
enum Coverage {
    /// A disc filling a `diameter`-square mask; its quadrants are also the corners
    /// of every rounded rectangle with radius `diameter / 2`.
    static func disc(diameter: Int) -> PixmanImage {
        ring(diameter: diameter, lineWidth: diameter)
    }

    /// A ring of `lineWidth` inside the edge of a `diameter`-square mask.
    static func ring(diameter: Int, lineWidth: Int) -> PixmanImage {
        let radius = Double(diameter) / 2
        let inner = radius - Double(lineWidth)
        return make(width: diameter, height: diameter) { x, y in
            let outside = circle(x, y, cx: radius, cy: radius, r: radius)
            guard inner > 0, outside > 0 else { return outside }
            return outside - circle(x, y, cx: radius, cy: radius, r: inner)
        }
    }

    /// A `width` × `height` rounded rectangle, drawn `margin` pixels in from each
    /// side of a mask that is `2 * margin` larger (room for a blur).
    static func roundedRect(width: Int, height: Int, radius: Int, margin: Int = 0) -> PixmanImage {
        let r = Double(radius)
        let w = Double(width)
        let h = Double(height)
        let m = margin
        return make(width: width + 2 * m, height: height + 2 * m) { px, py in
            let x = px - m
            let y = py - m
            guard x >= 0, y >= 0, x < width, y < height else { return 0 }
            let left = x < radius
            let right = x >= width - radius
            let top = y < radius
            let bottom = y >= height - radius
            guard (left || right) && (top || bottom) else { return 255 }
            let cx = left ? r : w - r
            let cy = top ? r : h - r
            return circle(x, y, cx: cx, cy: cy, r: r)
        }
    }

    /// How much of pixel (x, y) lies inside the circle, 0...255.
    static func circle(_ x: Int, _ y: Int, cx: Double, cy: Double, r: Double) -> Int {
        let dx = Double(x) + 0.5 - cx
        let dy = Double(y) + 0.5 - cy
        let distance = (dx * dx + dy * dy).squareRoot()
        // Half a pixel diagonal: nearer than this to the edge, the edge may cross.
        if distance <= r - 0.71 { return 255 }
        if distance >= r + 0.71 { return 0 }

        let samples = 16
        var inside = 0
        let rr = r * r
        for sy in 0..<samples {
            let y0 = Double(y) + (Double(sy) + 0.5) / Double(samples) - cy
            for sx in 0..<samples {
                let x0 = Double(x) + (Double(sx) + 0.5) / Double(samples) - cx
                if x0 * x0 + y0 * y0 <= rr { inside += 1 }
            }
        }
        return (inside * 255 + samples * samples / 2) / (samples * samples)
    }

    /// An a8 mask whose every pixel is `coverage(x, y)`.
    static func make(width: Int, height: Int, coverage: (Int, Int) -> Int) -> PixmanImage {
        let mask = PixmanImage(format: PIXMAN_a8, width: max(width, 1), height: max(height, 1))
        let stride = mask.stride
        mask.withBits { bits in
            let bytes = bits.assumingMemoryBound(to: UInt8.self)
            for y in 0..<height {
                let row = bytes + y * stride
                for x in 0..<width {
                    row[x] = UInt8(clamping: coverage(x, y))
                }
            }
        }
        return mask
    }
}
