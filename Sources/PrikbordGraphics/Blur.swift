/// Three box blurs in a row come within a few percent of a Gaussian, at a cost
/// that does not grow with the radius.
enum Blur {
    /// Blurs an a8 mask in place so that an edge spreads over about `spread` pixels
    /// each way.
    static func gaussianLike(_ mask: PixmanImage, spread: Int) {
        let radius = max(1, spread / 3)
        let width = mask.width
        let height = mask.height
        let stride = mask.stride
        mask.withBits { bits in
            let pixels = bits.assumingMemoryBound(to: UInt8.self)
            var line = [UInt8](repeating: 0, count: max(width, height))
            line.withUnsafeMutableBufferPointer { scratch in
                for _ in 0..<3 {
                    for y in 0..<height {
                        box(pixels + y * stride, step: 1, count: width, radius, scratch)
                    }
                    for x in 0..<width {
                        box(pixels + x, step: stride, count: height, radius, scratch)
                    }
                }
            }
        }
    }

    /// One running-sum box blur along a row or a column.
    private static func box(
        _ start: UnsafeMutablePointer<UInt8>, step: Int, count: Int, _ radius: Int,
        _ scratch: UnsafeMutableBufferPointer<UInt8>
    ) {
        for i in 0..<count { scratch[i] = start[i * step] }
        let window = 2 * radius + 1
        var sum = 0
        for i in -radius...radius where i >= 0 && i < count { sum += Int(scratch[i]) }
        for i in 0..<count {
            start[i * step] = UInt8((sum + window / 2) / window)
            let leaving = i - radius
            let entering = i + radius + 1
            if leaving >= 0 { sum -= Int(scratch[leaving]) }
            if entering < count { sum += Int(scratch[entering]) }
        }
    }
}
