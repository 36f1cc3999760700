/// How heavy text is drawn. Families without a face for a weight are
/// emboldened from the nearest lighter face.
public enum FontWeight: Sendable, Hashable, CaseIterable {
    case regular, medium, semibold, bold
}

/// The look of a piece of text.
public struct TextStyle: Sendable, Hashable {
    /// The em size in pixels.
    public var size: Int
    public var weight: FontWeight
    /// Distance between baselines, as a multiple of `size`.
    public var lineHeight: Double

    public init(size: Int, weight: FontWeight = .regular, lineHeight: Double = 1.3) {
        self.size = size
        self.weight = weight
        self.lineHeight = lineHeight
    }

    /// Line pitch in whole pixels.
    public var lineHeightPixels: Int { max(1, Int((Double(size) * lineHeight).rounded())) }
}

/// Where lines sit across the width of a text block.
public enum TextAlignment: Sendable {
    case leading, center, trailing
}
