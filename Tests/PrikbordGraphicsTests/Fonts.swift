import Foundation
import PrikbordGraphics
import PrikbordLog

/// One font library for the whole test run: fontconfig start-up is the slow part.
enum Fonts {
    nonisolated(unsafe) static let shared: FontLibrary = {
        Log.quiet = ProcessInfo.processInfo.environment["PRIKBORD_TEST_LOGS"] == nil
        return try! FontLibrary()
    }()
}

/// Pixels in `rect` that are not `background`.
func inkedPixels(_ surface: Surface, in rect: Rect? = nil, background: Color = .white) -> Int {
    let area = rect ?? Rect(x: 0, y: 0, width: surface.width, height: surface.height)
    var count = 0
    for y in area.minY..<area.maxY {
        for x in area.minX..<area.maxX where surface.pixel(x: x, y: y) != background {
            count += 1
        }
    }
    return count
}
