import CPixman

extension Surface {
    /// Fills `rect` with its corners rounded to `radius`, edges antialiased.
    ///
    /// The straight parts are plain fills; the four corners are the quadrants of
    /// one cached disc, so a rounded card costs about as much as a square one.
    public func fillRoundedRect(_ rect: Rect, radius: Int, _ color: Color) {
        guard !rect.isEmpty, color.a > 0 else { return }
        let r = min(max(radius, 0), min(rect.width, rect.height) / 2)
        guard r > 0 else { return fill(rect, color) }

        fill(Rect(x: rect.x, y: rect.y + r, width: rect.width, height: rect.height - 2 * r), color)
        fill(Rect(x: rect.x + r, y: rect.y, width: rect.width - 2 * r, height: r), color)
        fill(Rect(x: rect.x + r, y: rect.maxY - r, width: rect.width - 2 * r, height: r), color)

        let disc = MaskCache.shared.mask(.disc(diameter: 2 * r)) {
            Coverage.disc(diameter: 2 * r)
        }
        drawCorners(of: rect, radius: r, from: disc, color)
    }

    /// Outlines `rect` with a `lineWidth` line inside its edge, corners rounded
    /// to `radius` (at least `lineWidth` when rounded at all).
    public func strokeRoundedRect(_ rect: Rect, radius: Int, lineWidth: Int, _ color: Color) {
        guard !rect.isEmpty, color.a > 0, lineWidth > 0 else { return }
        let half = min(rect.width, rect.height) / 2
        let line = min(lineWidth, half)
        let r = radius <= 0 ? 0 : min(max(radius, line), half)
        guard line < half else { return fillRoundedRect(rect, radius: r, color) }

        let corner = max(r, 0)
        let across = rect.width - 2 * corner
        let down = rect.height - 2 * corner
        let edgeX = r > 0 ? rect.x + r : rect.x
        let edgeWidth = r > 0 ? across : rect.width
        fill(Rect(x: edgeX, y: rect.y, width: edgeWidth, height: line), color)
        fill(Rect(x: edgeX, y: rect.maxY - line, width: edgeWidth, height: line), color)
        let sideY = r > 0 ? rect.y + r : rect.y + line
        let sideHeight = r > 0 ? down : rect.height - 2 * line
        fill(Rect(x: rect.x, y: sideY, width: line, height: sideHeight), color)
        fill(Rect(x: rect.maxX - line, y: sideY, width: line, height: sideHeight), color)

        guard r > 0 else { return }
        let ring = MaskCache.shared.mask(.ring(diameter: 2 * r, lineWidth: line)) {
            Coverage.ring(diameter: 2 * r, lineWidth: line)
        }
        drawCorners(of: rect, radius: r, from: ring, color)
    }

    /// A filled, antialiased circle.
    public func fillCircle(center: Point, radius: Int, _ color: Color) {
        guard radius > 0, color.a > 0 else { return }
        let disc = MaskCache.shared.mask(.disc(diameter: 2 * radius)) {
            Coverage.disc(diameter: 2 * radius)
        }
        composite(mask: disc, at: Point(x: center.x - radius, y: center.y - radius), color)
    }

    /// A soft shadow the shape of a rounded `rect`, spreading `blur` pixels beyond
    /// it. Offset `rect` yourself to make the light fall from above.
    ///
    /// A shadow is drawn in nine pieces: the corners and edges come from one
    /// small blurred template per radius and blur, the edges tiled along the
    /// card, so cards of every height share one blur and a few kilobytes.
    public func drawShadow(_ rect: Rect, radius: Int, blur: Int, _ color: Color) {
        guard !rect.isEmpty, color.a > 0 else { return }
        let spread = max(blur, 0)
        let r = min(max(radius, 0), min(rect.width, rect.height) / 2)
        // Beyond `corner` pixels from an outer edge, the blurred mask no longer
        // changes along that edge.
        let corner = r + 2 * spread
        let outer = Rect(
            x: rect.x - spread, y: rect.y - spread,
            width: rect.width + 2 * spread, height: rect.height + 2 * spread)
        guard outer.width > 2 * corner + 1, outer.height > 2 * corner + 1 else {
            let mask = shadowMask(width: rect.width, height: rect.height, radius: r, blur: spread)
            composite(mask: mask, at: Point(x: outer.x, y: outer.y), color)
            return
        }
        guard !outer.intersection(drawable).isEmpty else { return }

        let side = 2 * (r + spread) + 1
        let template = shadowMask(width: side, height: side, radius: r, blur: spread)
        let far = corner + 1
        let right = outer.maxX - corner
        let bottom = outer.maxY - corner
        let piece = { (x: Int, y: Int) in Rect(x: x, y: y, width: corner, height: corner) }
        composite(mask: template, source: piece(0, 0), at: Point(x: outer.x, y: outer.y), color)
        composite(mask: template, source: piece(far, 0), at: Point(x: right, y: outer.y), color)
        composite(mask: template, source: piece(0, far), at: Point(x: outer.x, y: bottom), color)
        composite(mask: template, source: piece(far, far), at: Point(x: right, y: bottom), color)

        let across = outer.width - 2 * corner
        let down = outer.height - 2 * corner
        let edges: [(Int, Rect)] = [
            (0, Rect(x: outer.x + corner, y: outer.y, width: across, height: corner)),
            (1, Rect(x: outer.x + corner, y: bottom, width: across, height: corner)),
            (2, Rect(x: outer.x, y: outer.y + corner, width: corner, height: down)),
            (3, Rect(x: right, y: outer.y + corner, width: corner, height: down)),
        ]
        for (edge, area) in edges where !area.intersection(drawable).isEmpty {
            let strip = shadowEdge(
                edge, template: template, corner: corner, radius: r, blur: spread)
            composite(
                mask: strip, source: Rect(x: 0, y: 0, width: area.width, height: area.height),
                at: Point(x: area.x, y: area.y), color)
        }
        // The middle is fully covered, as under the card itself.
        fill(Rect(x: outer.x + corner, y: outer.y + corner, width: across, height: down), color)
    }

    private func shadowMask(width: Int, height: Int, radius: Int, blur: Int) -> PixmanImage {
        let key = MaskKey.shadow(width: width, height: height, radius: radius, blur: blur)
        return MaskCache.shared.mask(key) {
            let shape = Coverage.roundedRect(
                width: width, height: height, radius: radius, margin: blur)
            if blur > 0 { Blur.gaussianLike(shape, spread: blur) }
            return shape
        }
    }

    /// Edge 0 top, 1 bottom, 2 left, 3 right: the template's middle row or
    /// column on that side, as an image that repeats along the edge.
    private func shadowEdge(
        _ edge: Int, template: PixmanImage, corner: Int, radius: Int, blur: Int
    ) -> PixmanImage {
        MaskCache.shared.mask(.shadowEdge(edge: edge, radius: radius, blur: blur)) {
            let horizontal = edge < 2
            let strip = PixmanImage(
                format: PIXMAN_a8, width: horizontal ? 1 : corner, height: horizontal ? corner : 1)
            let x = horizontal ? corner : (edge == 2 ? 0 : corner + 1)
            let y = horizontal ? (edge == 0 ? 0 : corner + 1) : corner
            pixman_image_composite32(
                PIXMAN_OP_SRC, template.handle, nil, strip.handle, Int32(x), Int32(y), 0, 0,
                0, 0, Int32(strip.width), Int32(strip.height))
            pixman_image_set_repeat(strip.handle, PIXMAN_REPEAT_NORMAL)
            return strip
        }
    }

    /// Paints the four quadrants of a `2 * radius` mask into the corners of `rect`.
    private func drawCorners(of rect: Rect, radius r: Int, from mask: PixmanImage, _ color: Color) {
        let far = Point(x: rect.maxX - r, y: rect.maxY - r)
        let quarter = { (x: Int, y: Int) in Rect(x: x, y: y, width: r, height: r) }
        composite(mask: mask, source: quarter(0, 0), at: Point(x: rect.x, y: rect.y), color)
        composite(mask: mask, source: quarter(r, 0), at: Point(x: far.x, y: rect.y), color)
        composite(mask: mask, source: quarter(0, r), at: Point(x: rect.x, y: far.y), color)
        composite(mask: mask, source: quarter(r, r), at: far, color)
    }
}
