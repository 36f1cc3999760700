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
        return compress(rgb, width: width, height: height, quality: quality)
    }

    private static func compress(_ rgb: [UInt8], width: Int, height: Int, quality: Int32) -> Data {
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

    /// A made-up portrait — a head and shoulders on a graded background — as a
    /// JPEG, to look at in the demo picture.
    static func jpeg(portraitOfSide side: Int) -> Data {
        let surface = Surface(width: side, height: side)
        for y in 0..<side {
            let shade = UInt8(150 + 80 * y / side)
            surface.fill(
                Rect(x: 0, y: y, width: side, height: 1),
                Color(r: shade / 2, g: shade - 40, b: shade))
        }
        let unit = side / 20
        surface.fillRoundedRect(
            Rect(x: 3 * unit, y: 14 * unit, width: 14 * unit, height: 9 * unit),
            radius: 4 * unit, Color(hex: 0x2F5D8A))
        surface.fillCircle(
            center: Point(x: side / 2, y: 8 * unit), radius: 5 * unit,
            Color(hex: 0xE0B089))
        surface.fillRoundedRect(
            Rect(x: 5 * unit, y: 2 * unit, width: 10 * unit, height: 4 * unit),
            radius: 2 * unit, Color(hex: 0x5A3A22))
        var rgb = [UInt8](repeating: 0, count: side * side * 3)
        for y in 0..<side {
            for x in 0..<side {
                let pixel = surface.pixel(x: x, y: y)
                let i = (y * side + x) * 3
                rgb[i] = pixel.r
                rgb[i + 1] = pixel.g
                rgb[i + 2] = pixel.b
            }
        }
        return compress(rgb, width: side, height: side, quality: 90)
    }

    /// A PNG of a surface filled with `color` with a black top-left pixel.
    static func png(width: Int, height: Int, color: Color) throws -> Data {
        let surface = Surface(width: width, height: height, color: color)
        surface.fill(Rect(x: 0, y: 0, width: 1, height: 1), .black)
        return try surface.pngData()
    }
}
