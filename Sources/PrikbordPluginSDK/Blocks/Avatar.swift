/// A person's face in a circle, or their initials on a soft colour when
/// there is no photo (or it cannot be shown).
@MainActor
public struct Avatar {
    public let person: Person
    private let context: PluginContext

    public init(person: Person, context: PluginContext) {
        self.person = person
        self.context = context
    }

    public func draw(on surface: Surface, in square: Rect) {
        let center = Point(x: square.minX + square.width / 2, y: square.minY + square.height / 2)
        if let hash = person.photo, context.data.hasImage(hash) {
            if let photo = context.data.image(hash, atLeast: square.width) {
                // Portraits are head and shoulders; a little closer fills the
                // circle with the face.
                surface.draw(photo, in: square, mode: .fill, circular: true, zoom: 1.3)
            } else {
                // The face is on its way: a quiet circle, not initials that
                // would flash before it.
                surface.fillCircle(
                    center: center, radius: square.width / 2, context.theme.separator)
            }
            return
        }
        surface.fillCircle(
            center: center, radius: square.width / 2,
            context.theme.avatarColor(for: person.name)
        )
        let size = max(12, square.width * 38 / 100)
        let initials = context.layout(
            person.initials, TextStyle(size: size, weight: .semibold, lineHeight: 1.0)
        )
        surface.draw(
            initials,
            at: Point(x: center.x - initials.width / 2, y: center.y - initials.height / 2),
            .white
        )
    }
}

/// The standard card: white, rounded, with a soft shadow; pressed cards
/// darken a little so the worker sees the touch landed.
@MainActor
public func drawCard(
    on surface: Surface, in frame: Rect, context: PluginContext, pressed: Bool = false,
    fill: Color? = nil
) {
    let theme = context.theme
    surface.drawShadow(
        frame.offsetBy(dx: 0, dy: theme.px(4)), radius: theme.cornerRadius, blur: theme.px(18),
        theme.shadow
    )
    let base = fill ?? theme.card
    surface.fillRoundedRect(frame, radius: theme.cornerRadius, pressed ? theme.pressed : base)
}
