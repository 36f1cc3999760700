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
    /// The blurred mask is cached by size, so a list of equal cards blurs once.
    public func drawShadow(_ rect: Rect, radius: Int, blur: Int, _ color: Color) {
        guard !rect.isEmpty, color.a > 0 else { return }
        let spread = max(blur, 0)
        let r = min(max(radius, 0), min(rect.width, rect.height) / 2)
        let key = MaskKey.shadow(width: rect.width, height: rect.height, radius: r, blur: spread)
        // TODO: very large cards make large masks; a nine-slice shadow would keep
        // the cache small and the composite cheaper.
        let mask = MaskCache.shared.mask(key) {
            let shape = Coverage.roundedRect(
                width: rect.width, height: rect.height, radius: r, margin: spread)
            if spread > 0 { Blur.gaussianLike(shape, spread: spread) }
            return shape
        }
        composite(mask: mask, at: Point(x: rect.x - spread, y: rect.y - spread), color)
    }

    /// Paints the four quadrants of a `2 * radius` mask into the corners of `rect`.
    private func drawCorners(of rect: Rect, radius r: Int, from mask: PixmanImage, _ color: Color)
    {
        let far = Point(x: rect.maxX - r, y: rect.maxY - r)
        let quarter = { (x: Int, y: Int) in Rect(x: x, y: y, width: r, height: r) }
        composite(mask: mask, source: quarter(0, 0), at: Point(x: rect.x, y: rect.y), color)
        composite(mask: mask, source: quarter(r, 0), at: Point(x: far.x, y: rect.y), color)
        composite(mask: mask, source: quarter(0, r), at: Point(x: rect.x, y: far.y), color)
        composite(mask: mask, source: quarter(r, r), at: far, color)
    }
}
