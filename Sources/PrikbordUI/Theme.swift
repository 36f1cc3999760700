import PrikbordGraphics

/// Colours, type sizes and spacing of the kiosk, scaled to the screen.
///
/// Sizes are chosen for a worker a step away from a wall screen: body text
/// of about 5 mm on a 24-inch panel, tap targets of at least 15 mm.
public struct Theme: Sendable {
    /// 1 for a 1080-pixel short side.
    public let scale: Double

    public init(screenWidth: Int, screenHeight: Int) {
        scale = Double(min(screenWidth, screenHeight)) / 1080
    }

    public func px(_ value: Double) -> Int { Int((value * scale).rounded()) }

    // MARK: Colour

    public let background = Color(hex: 0xF3F5F1)
    public let card = Color(hex: 0xFFFFFF)
    public let ink = Color(hex: 0x1D2A23)
    public let secondaryInk = Color(hex: 0x5A6B61)
    public let faintInk = Color(hex: 0x8C9A91)
    public let accent = Color(hex: 0x2F7A55)
    public let accentSoft = Color(hex: 0xE3F1E8)
    public let noticeAccent = Color(hex: 0xD98E04)
    public let noticeSoft = Color(hex: 0xFFF4DC)
    public let separator = Color(hex: 0xE2E7E2)
    public let pressed = Color(hex: 0xE9EEE9)
    public let shadow = Color(r: 20, g: 40, b: 30, a: 34)
    public let navBackground = Color(hex: 0xFFFFFF)
    public let headerBackground = Color(hex: 0x24543E)
    public let headerInk = Color(hex: 0xFFFFFF)
    public let headerSecondaryInk = Color(hex: 0xC9DDD1)

    /// A calm colour for an agenda item of each kind.
    public func color(for kind: String) -> Color {
        switch kind {
        case "training": Color(hex: 0x3A6EA5)
        case "safety": Color(hex: 0xC2502E)
        case "outing": Color(hex: 0x8A5BB5)
        case "meeting": Color(hex: 0x4F7C6B)
        case "social": Color(hex: 0xC7831B)
        default: accent
        }
    }

    /// A soft background colour for an initials avatar, stable per name.
    public func avatarColor(for name: String) -> Color {
        let palette: [UInt32] = [
            0x7FA88E, 0x8AA5C8, 0xC79A7A, 0xA592C4, 0xC98F9F, 0x79A9A6, 0xB8A46E,
        ]
        let sum = name.unicodeScalars.reduce(0) { ($0 &* 31) &+ Int($1.value) }
        return Color(hex: palette[abs(sum) % palette.count])
    }

    // MARK: Type

    public var screenTitle: TextStyle { TextStyle(size: px(60), weight: .bold, lineHeight: 1.15) }
    public var heading: TextStyle { TextStyle(size: px(40), weight: .semibold, lineHeight: 1.22) }
    public var subheading: TextStyle {
        TextStyle(size: px(34), weight: .semibold, lineHeight: 1.25)
    }
    public var body: TextStyle { TextStyle(size: px(32), weight: .regular, lineHeight: 1.4) }
    public var label: TextStyle { TextStyle(size: px(28), weight: .medium, lineHeight: 1.25) }
    public var caption: TextStyle { TextStyle(size: px(26), weight: .regular, lineHeight: 1.3) }
    public var badge: TextStyle { TextStyle(size: px(24), weight: .bold, lineHeight: 1.2) }

    // MARK: Spacing

    public var margin: Int { px(44) }
    public var gap: Int { px(28) }
    public var cardPadding: Int { px(36) }
    public var cornerRadius: Int { px(28) }
}
