import CPixman
import FoundationEssentials

extension Surface {
    /// The surface as an opaque 8-bit RGB PNG.
    public func pngData() throws -> Data {
        var rows = [UInt8](repeating: 0, count: width * height * 3)
        withUnsafeMutableBytes { pixels in
            for y in 0..<height {
                let row = pixels.baseAddress! + y * stride
                for x in 0..<width {
                    let word = row.load(fromByteOffset: x * 4, as: UInt32.self)
                    let out = (y * width + x) * 3
                    rows[out] = UInt8(truncatingIfNeeded: word)
                    rows[out + 1] = UInt8(truncatingIfNeeded: word >> 8)
                    rows[out + 2] = UInt8(truncatingIfNeeded: word >> 16)
                }
            }
        }
        return try rows.withUnsafeBytes { bgr in
            try PNGCodec.encodeBGR(bgr.baseAddress!, width: width, height: height)
        }
    }

    /// Writes `pngData()` to `path`, replacing the file atomically.
    public func writePNG(to path: String) throws {
        let data = try ImageError.naming(path) { try pngData() }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ImageError(.io, format: "PNG", reason: "\(error)", path: path)
        }
    }

    /// Reads a PNG into a new surface; transparent parts are shown over white.
    public static func readPNG(at path: String) throws -> Surface {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ImageError(.io, format: "PNG", reason: "\(error)", path: path)
        }
        let decoded = try ImageError.naming(path) { try PNGCodec.decode(data) }
        let surface = Surface(width: decoded.width, height: decoded.height)
        decoded.withBits { source in
            surface.withUnsafeMutableBytes { target in
                for y in 0..<decoded.height {
                    let from = source + y * decoded.stride
                    let to = target.baseAddress! + y * surface.stride
                    for x in 0..<decoded.width {
                        let word = from.load(fromByteOffset: x * 4, as: UInt32.self)
                        to.storeBytes(of: overWhite(word), toByteOffset: x * 4, as: UInt32.self)
                    }
                }
            }
        }
        return surface
    }

    /// A straight-alpha BGRA word flattened onto white.
    private static func overWhite(_ word: UInt32) -> UInt32 {
        let alpha = word >> 24
        guard alpha < 255 else { return word }
        func channel(_ shift: UInt32) -> UInt32 {
            let value = (word >> shift) & 0xFF
            return ((value * alpha + 255 * (255 - alpha) + 127) / 255) << shift
        }
        return 0xFF00_0000 | channel(16) | channel(8) | channel(0)
    }
}
