import CTurboJPEG
import Foundation
import PrikbordGraphics

/// Small pictures made at test time with the real encoders.
enum TestPictures {
    /// A `width` × `height` JPEG: left half red, right half blue.
    static func jpeg(width: Int, height: Int, quality: Int32 = 95) -> Data {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 3
                if x < width / 2 { rgb[i] = 230 } else { rgb[i + 2] = 230 }
            }
        }
        let handle = tjInitCompress()!
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>?
        var size: UInt = 0
        let status = tjCompress2(
            handle, rgb, Int32(width), 0, Int32(height), Int32(TJPF_RGB.rawValue),
            &output, &size, Int32(TJSAMP_444.rawValue), quality, 0)
        precondition(status == 0, "tjCompress2 failed")
        defer { tjFree(output) }
        return Data(bytes: output!, count: Int(size))
    }

    /// A PNG of a surface filled with `color` with a black top-left pixel.
    static func png(width: Int, height: Int, color: Color) throws -> Data {
        let surface = Surface(width: width, height: height, color: color)
        surface.fill(Rect(x: 0, y: 0, width: 1, height: 1), .black)
        return try surface.pngData()
    }
}
