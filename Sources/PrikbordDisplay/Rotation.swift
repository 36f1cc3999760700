/// How the panel is mounted, as the clockwise angle the logical picture is
/// turned by on its way to the panel.
///
/// With `.quarter` the logical top-left corner lands in the panel's top-right
/// corner, `.half` puts it bottom-right and `.threeQuarters` bottom-left.
public enum Rotation: Int, Sendable, CaseIterable {
    case none = 0
    case quarter = 90
    case half = 180
    case threeQuarters = 270

    /// True when logical width and height are the panel's height and width.
    public var swapsAxes: Bool { self == .quarter || self == .threeQuarters }

    /// The logical size the UI draws at for a panel of this size.
    public func logicalSize(panelWidth: Int, panelHeight: Int) -> (width: Int, height: Int) {
        swapsAxes ? (panelHeight, panelWidth) : (panelWidth, panelHeight)
    }

    /// The panel pixel that shows logical pixel (`x`, `y`) of a logical frame
    /// `width` × `height`.
    public func panelPoint(
        x: Int, y: Int, logicalWidth width: Int, logicalHeight height: Int
    ) -> (x: Int, y: Int) {
        switch self {
        case .none: (x, y)
        case .quarter: (height - 1 - y, x)
        case .half: (width - 1 - x, height - 1 - y)
        case .threeQuarters: (y, width - 1 - x)
        }
    }
}
