import PrikbordGraphics

/// Small pictograms drawn from rounded shapes, so they scale with the
/// screen and need no icon font.
public enum Icon: Sendable {
    case news, people, agenda, welcome, pin, clock, place

    /// Draws the icon centred in a square of side `size` at `origin`.
    public func draw(on surface: Surface, at origin: Point, size: Int, color: Color) {
        let unit = Double(size) / 24
        func r(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> Rect {
            Rect(
                x: origin.x + Int((x * unit).rounded()),
                y: origin.y + Int((y * unit).rounded()),
                width: max(1, Int((w * unit).rounded())),
                height: max(1, Int((h * unit).rounded()))
            )
        }
        func p(_ x: Double, _ y: Double) -> Point {
            Point(x: origin.x + Int((x * unit).rounded()), y: origin.y + Int((y * unit).rounded()))
        }
        func radius(_ value: Double) -> Int { max(1, Int((value * unit).rounded())) }
        let line = radius(2)

        switch self {
        case .news:
            surface.strokeRoundedRect(r(3, 4, 18, 16), radius: radius(3), lineWidth: line, color)
            surface.fillRoundedRect(r(6.5, 8, 5, 4.5), radius: radius(1), color)
            surface.fill(r(13.5, 8, 4, 1.8), color)
            surface.fill(r(13.5, 11, 4, 1.8), color)
            surface.fill(r(6.5, 14.5, 11, 1.8), color)
        case .people:
            surface.fillCircle(center: p(9, 8), radius: radius(3.6), color)
            surface.fillRoundedRect(r(2.5, 13.5, 13, 7.5), radius: radius(3.7), color)
            surface.fillCircle(center: p(17, 9), radius: radius(2.8), color.withAlpha(170))
            surface.fillRoundedRect(r(15, 14.5, 7, 6), radius: radius(3), color.withAlpha(170))
        case .agenda:
            surface.strokeRoundedRect(r(3, 5, 18, 16), radius: radius(3), lineWidth: line, color)
            surface.fill(r(3, 9, 18, 2), color)
            surface.fillRoundedRect(r(7, 2.5, 2, 5), radius: radius(1), color)
            surface.fillRoundedRect(r(15, 2.5, 2, 5), radius: radius(1), color)
            surface.fillRoundedRect(r(7, 13, 3, 3), radius: radius(0.8), color)
            surface.fillRoundedRect(r(11, 13, 3, 3), radius: radius(0.8), color)
            surface.fillRoundedRect(r(15, 13, 3, 3), radius: radius(0.8), color.withAlpha(150))
        case .welcome:
            surface.fillRoundedRect(r(4.5, 2.5, 2, 19), radius: radius(1), color)
            surface.fillRoundedRect(r(6, 3.5, 13.5, 9.5), radius: radius(2), color)
        case .pin:
            surface.fillCircle(center: p(12, 8), radius: radius(5.5), color)
            surface.fillRoundedRect(r(11, 12, 2, 9.5), radius: radius(1), color)
        case .clock:
            surface.strokeRoundedRect(r(3, 3, 18, 18), radius: radius(9), lineWidth: line, color)
            surface.fillRoundedRect(r(11, 7, 2, 6), radius: radius(1), color)
            surface.fillRoundedRect(r(11, 11, 5, 2), radius: radius(1), color)
        case .place:
            surface.fillCircle(center: p(12, 9.5), radius: radius(6.5), color)
            surface.fillRoundedRect(r(10.5, 13, 3, 8.5), radius: radius(1.5), color)
            surface.fillCircle(center: p(12, 9.5), radius: radius(2.5), .white)
        }
    }
}

extension Color {
    /// Mixes towards `other` by `amount` (0 = self, 1 = other).
    public func mixed(with other: Color, amount: Double) -> Color {
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) * (1 - amount) + Double(b) * amount).rounded())
        }
        return Color(r: mix(r, other.r), g: mix(g, other.g), b: mix(b, other.b), a: mix(a, other.a))
    }
}
