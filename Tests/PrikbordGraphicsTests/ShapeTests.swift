import PrikbordGraphics
import Testing

@Suite struct ShapeTests {
    @Test func roundedRectFillsItsMiddleAndSparesItsCorners() {
        let surface = Surface(width: 60, height: 40)
        surface.fillRoundedRect(Rect(x: 10, y: 10, width: 40, height: 20), radius: 8, .black)

        #expect(surface.pixel(x: 30, y: 20) == .black)
        #expect(surface.pixel(x: 10, y: 20) == .black)  // straight left edge
        #expect(surface.pixel(x: 30, y: 10) == .black)  // straight top edge
        #expect(surface.pixel(x: 10, y: 10) == .white)  // cut corner
        #expect(surface.pixel(x: 49, y: 29) == .white)
        #expect(surface.pixel(x: 9, y: 20) == .white)  // outside
        #expect(surface.pixel(x: 50, y: 20) == .white)
    }

    @Test func roundedCornersAreAntialiased() {
        let surface = Surface(width: 40, height: 40)
        surface.fillRoundedRect(Rect(x: 0, y: 0, width: 40, height: 40), radius: 16, .black)
        var partial = 0
        for y in 0..<16 {
            for x in 0..<16 {
                let value = surface.pixel(x: x, y: y).r
                if value > 0 && value < 255 { partial += 1 }
            }
        }
        #expect(partial >= 16)
    }

    @Test func clipCutsShapesToo() {
        let surface = Surface(width: 40, height: 40)
        surface.clip = Rect(x: 0, y: 0, width: 20, height: 40)
        surface.fillRoundedRect(Rect(x: 0, y: 0, width: 40, height: 40), radius: 6, .black)
        surface.fillCircle(center: Point(x: 30, y: 30), radius: 5, .black)
        #expect(surface.pixel(x: 19, y: 20) == .black)
        #expect(surface.pixel(x: 20, y: 20) == .white)
        #expect(surface.pixel(x: 30, y: 30) == .white)
    }

    @Test func strokeDrawsOnlyTheOutline() {
        let surface = Surface(width: 50, height: 50)
        surface.strokeRoundedRect(
            Rect(x: 5, y: 5, width: 40, height: 40), radius: 10, lineWidth: 3, .black)
        #expect(surface.pixel(x: 25, y: 5) == .black)
        #expect(surface.pixel(x: 25, y: 7) == .black)
        #expect(surface.pixel(x: 25, y: 8) == .white)
        #expect(surface.pixel(x: 44, y: 25) == .black)
        #expect(surface.pixel(x: 25, y: 25) == .white)
        #expect(surface.pixel(x: 5, y: 5) == .white)
    }

    @Test func circleIsRoundAndCentred() {
        let surface = Surface(width: 41, height: 41)
        surface.fillCircle(center: Point(x: 20, y: 20), radius: 15, Color(hex: 0xFF0000))
        #expect(surface.pixel(x: 20, y: 20) == Color(hex: 0xFF0000))
        #expect(surface.pixel(x: 20, y: 6) == Color(hex: 0xFF0000))
        #expect(surface.pixel(x: 20, y: 3) == .white)
        #expect(surface.pixel(x: 8, y: 8) == .white)  // beyond the edge on the diagonal
    }

    @Test func shadowIsSoftAndDarkestUnderTheCard() {
        let surface = Surface(width: 100, height: 100)
        surface.drawShadow(
            Rect(x: 30, y: 30, width: 40, height: 40), radius: 8, blur: 12,
            Color(r: 0, g: 0, b: 0, a: 128))
        let centre = Int(surface.pixel(x: 50, y: 50).r)
        let edge = Int(surface.pixel(x: 30, y: 50).r)
        let beyond = Int(surface.pixel(x: 22, y: 50).r)
        #expect(centre < edge && edge < beyond)
        #expect(surface.pixel(x: 5, y: 5) == .white)
    }
}
