/// Maps a touch sensor's normalised coordinates to logical screen pixels.
///
/// Three steps, in this order:
/// 1. the calibration matrix, in libinput's convention, on normalised sensor
///    coordinates (0...1 across the sensor): it corrects a sensor mounted
///    or wired differently from the panel it sits on;
/// 2. scaling to panel pixels (the panel's native, unrotated mode);
/// 3. the inverse of the rotation the picture is turned by on its way to the
///    panel, so touch follows the picture.
public struct InputGeometry: Sendable, Equatable {
    /// The clockwise angle the logical picture is turned by on its way to the
    /// panel; the same convention as the display's rotation.
    ///
    /// With `.quarter` the logical top-left corner lands in the panel's
    /// top-right corner, `.half` bottom-right, `.threeQuarters` bottom-left.
    public enum Rotation: Int, Sendable, CaseIterable {
        case none = 0
        case quarter = 90
        case half = 180
        case threeQuarters = 270
    }

    /// libinput's calibration matrix: the top two rows of a 3×3 matrix,
    /// `[a, b, c, d, e, f]`, giving `x' = a·x + b·y + c` and
    /// `y' = d·x + e·y + f` on normalised coordinates.
    public struct Calibration: Sendable, Equatable {
        public var a, b, c, d, e, f: Double

        public init(_ values: [Double]) {
            precondition(values.count == 6, "a calibration matrix has 6 values")
            (a, b, c) = (values[0], values[1], values[2])
            (d, e, f) = (values[3], values[4], values[5])
        }

        public static let identity = Calibration([1, 0, 0, 0, 1, 0])

        func apply(x: Double, y: Double) -> (x: Double, y: Double) {
            (a * x + b * y + c, d * x + e * y + f)
        }
    }

    public let panelWidth: Int
    public let panelHeight: Int
    public let rotation: Rotation
    public let calibration: Calibration

    public init(
        panelWidth: Int,
        panelHeight: Int,
        rotation: Rotation = .none,
        calibration: Calibration = .identity
    ) {
        self.panelWidth = panelWidth
        self.panelHeight = panelHeight
        self.rotation = rotation
        self.calibration = calibration
    }

    /// The size the UI draws at: the panel's, swapped for quarter turns.
    public var logicalWidth: Int {
        rotatesAxes ? panelHeight : panelWidth
    }

    public var logicalHeight: Int {
        rotatesAxes ? panelWidth : panelHeight
    }

    private var rotatesAxes: Bool {
        rotation == .quarter || rotation == .threeQuarters
    }

    /// The logical point under a touch at (`normalizedX`, `normalizedY`) of the
    /// sensor, clamped to the logical screen.
    public func map(normalizedX: Double, normalizedY: Double) -> (x: Double, y: Double) {
        let corrected = calibration.apply(x: normalizedX, y: normalizedY)
        let panelX = corrected.x * Double(panelWidth)
        let panelY = corrected.y * Double(panelHeight)

        let logical = logicalPoint(panelX: panelX, panelY: panelY)
        return (
            min(max(logical.x, 0), Double(logicalWidth)),
            min(max(logical.y, 0), Double(logicalHeight))
        )
    }

    /// Undoes the picture's rotation: the panel point back to the logical one.
    private func logicalPoint(panelX: Double, panelY: Double) -> (x: Double, y: Double) {
        let width = Double(panelWidth)
        let height = Double(panelHeight)
        switch rotation {
        case .none: return (panelX, panelY)
        case .quarter: return (panelY, width - panelX)
        case .half: return (width - panelX, height - panelY)
        case .threeQuarters: return (height - panelY, panelX)
        }
    }
}
