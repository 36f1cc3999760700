/// How far apart two pictures are.
public struct PictureDifference: Sendable, Hashable {
    /// Pixels where some channel differs by more than the tolerance.
    public let differingPixels: Int
    /// The largest difference seen in any channel, 0...255.
    public let maxChannelDelta: Int
    /// Pixels compared (every pixel when the sizes differ: then all differ).
    public let total: Int

    /// No pixel beyond the tolerance.
    public var isMatch: Bool { differingPixels == 0 }
}

/// Compares two pictures pixel by pixel, ignoring channel differences up to
/// `channelTolerance` (antialiasing and rounding noise).
///
/// Pictures of different sizes differ everywhere.
public func comparePictures(_ a: Surface, _ b: Surface, channelTolerance: Int) -> PictureDifference
{
    guard a.width == b.width, a.height == b.height else {
        let total = max(a.width * a.height, b.width * b.height)
        return PictureDifference(differingPixels: total, maxChannelDelta: 255, total: total)
    }
    var differing = 0
    var maxDelta = 0
    a.withUnsafeMutableBytes { left in
        b.withUnsafeMutableBytes { right in
            for y in 0..<a.height {
                let rowA = left.baseAddress! + y * a.stride
                let rowB = right.baseAddress! + y * b.stride
                for x in 0..<a.width {
                    let p = rowA.load(fromByteOffset: x * 4, as: UInt32.self)
                    let q = rowB.load(fromByteOffset: x * 4, as: UInt32.self)
                    guard (p ^ q) & 0x00FF_FFFF != 0 else { continue }
                    let delta = channelDelta(p, q)
                    maxDelta = max(maxDelta, delta)
                    if delta > channelTolerance { differing += 1 }
                }
            }
        }
    }
    return PictureDifference(
        differingPixels: differing, maxChannelDelta: maxDelta, total: a.width * a.height)
}

/// The largest red, green or blue difference between two x8r8g8b8 words.
private func channelDelta(_ p: UInt32, _ q: UInt32) -> Int {
    var delta = 0
    for shift: UInt32 in [0, 8, 16] {
        let one = Int((p >> shift) & 0xFF)
        let other = Int((q >> shift) & 0xFF)
        delta = max(delta, abs(one - other))
    }
    return delta
}
