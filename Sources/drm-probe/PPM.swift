import Foundation
import PrikbordGraphics

/// Binary PPM (P6), the format qemu's screendump writes, so the host can
/// compare the two byte for byte.
enum PPM {
    static func data(of surface: Surface) -> Data {
        let header = Data("P6\n\(surface.width) \(surface.height)\n255\n".utf8)
        var pixels = [UInt8](repeating: 0, count: surface.width * surface.height * 3)
        surface.withUnsafeMutableBytes { bytes in
            pixels.withUnsafeMutableBufferPointer { rgb in
                var index = 0
                for y in 0..<surface.height {
                    let row = bytes.baseAddress! + y * surface.stride
                    let words = row.assumingMemoryBound(to: UInt32.self)
                    for x in 0..<surface.width {
                        let pixel = words[x]
                        rgb[index] = UInt8(truncatingIfNeeded: pixel >> 16)
                        rgb[index + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
                        rgb[index + 2] = UInt8(truncatingIfNeeded: pixel)
                        index += 3
                    }
                }
            }
        }
        return header + Data(pixels)
    }

    static func write(_ surface: Surface, to path: String) throws {
        try data(of: surface).write(to: URL(fileURLWithPath: path))
    }
}

/// Pixels whose colour differs between two surfaces of the same size.
func differingPixels(_ a: Surface, _ b: Surface) -> Int {
    guard a.width == b.width, a.height == b.height else { return max(a.width * a.height, 1) }
    var count = 0
    a.withUnsafeMutableBytes { left in
        b.withUnsafeMutableBytes { right in
            for y in 0..<a.height {
                for x in 0..<a.width {
                    let l = left.load(fromByteOffset: y * a.stride + x * 4, as: UInt32.self)
                    let r = right.load(fromByteOffset: y * b.stride + x * 4, as: UInt32.self)
                    if l & 0xffffff != r & 0xffffff { count += 1 }
                }
            }
        }
    }
    return count
}
