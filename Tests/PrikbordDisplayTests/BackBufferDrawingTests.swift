import PrikbordGraphics
import Testing

@testable import PrikbordDisplay

/// One step of a picture drawn incrementally: it draws on whatever surface
/// holds the picture so far and says what it changed.
private typealias Step = (Surface) -> [Rect]

private func fill(_ rect: Rect, _ hex: UInt32) -> Step {
    { surface in
        surface.fill(rect, Color(hex: hex))
        return [rect]
    }
}

/// A blit scroll as the list does it: the pixels move up, the strip that
/// comes into view is painted.
private func scrollUp(_ area: Rect, by rows: Int, strip hex: UInt32) -> Step {
    { surface in
        surface.shift(area, dy: -rows)
        surface.fill(
            Rect(x: area.minX, y: area.maxY - rows, width: area.width, height: rows),
            Color(hex: hex))
        return [area]
    }
}

private func differingPixels(_ a: Surface, _ b: Surface) -> Int {
    comparePictures(a, b, channelTolerance: 0).differingPixels
}

/// The same steps drawn into the back buffer (with carry-over) and into a
/// shadow frame show the same frames, and both show what the steps drew.
@Test func backBufferFramesEqualShadowFrames() throws {
    let direct = HeadlessDisplay(width: 40, height: 30)
    let shadowed = HeadlessDisplay(width: 40, height: 30, shadowFrame: true)
    #expect(direct.drawsIntoBackBuffer && !shadowed.drawsIntoBackBuffer)
    // The steps drawn once, in place: what the panel must show.
    let expected = Surface(width: 40, height: 30, color: .black)

    let d = Rect(x: 30, y: 20, width: 5, height: 5)
    let e = Rect(x: 10, y: 20, width: 4, height: 4)
    // Each step, with the pixels the back buffer must copy from the front
    // one first: what it missed while it was the front buffer.
    let steps: [(name: String, step: Step, carried: Int, shown: Bool)] = [
        ("everything", fill(direct.bounds, 0xffffff), 0, true),
        ("a", fill(Rect(x: 2, y: 3, width: 5, height: 4), 0xff0000), 40 * 30, true),
        ("b", fill(Rect(x: 20, y: 10, width: 6, height: 6), 0x00ff00), 5 * 4, true),
        ("scroll", scrollUp(Rect(x: 0, y: 0, width: 40, height: 20), by: 3, strip: 0xff), 36, true),
        ("c", fill(Rect(x: 1, y: 25, width: 3, height: 3), 0xffff00), 40 * 20, true),
        ("d while paused", fill(d, 0x00ffff), 9, false),
        ("e while paused", fill(e, 0xff00ff), 0, false),
        ("nothing after resume", { _ in [] }, 0, true),
        ("f", fill(Rect(x: 0, y: 0, width: 2, height: 2), 0x808080), 25 + 16, true),
        (
            "scroll again", scrollUp(Rect(x: 0, y: 5, width: 40, height: 25), by: 10, strip: 0x40),
            4, true
        ),
    ]

    for (name, step, carried, shown) in steps {
        if name == "d while paused" {
            direct.pause()
            shadowed.pause()
        }
        if name == "nothing after resume" {
            try direct.resume()
            try shadowed.resume()
        }
        let before = Surface(width: 40, height: 30)
        before.copy(before.bounds, from: direct.frame)

        _ = step(expected)
        try direct.drawFrame(step)
        try shadowed.drawFrame(step)

        #expect(direct.lastCopiedPixels == carried, "\(name): pixels carried over")
        #expect(differingPixels(direct.frame, shadowed.frame) == 0, "\(name)")
        if shown {
            #expect(differingPixels(direct.frame, expected) == 0, "\(name): shown")
        } else {
            #expect(differingPixels(direct.frame, before) == 0, "\(name): not shown yet")
        }
    }
    #expect(direct.presentCount == shadowed.presentCount)
}

/// A dark panel shows nothing new; lit again, the frames drawn meanwhile
/// come up in one go, drawn into the same back buffer.
@Test func framesDrawnWhileDarkAreShownOnWake() throws {
    let display = HeadlessDisplay(width: 8, height: 8)
    try display.drawFrame(fill(display.bounds, 0xffffff))
    try display.setPowered(false)
    try display.drawFrame(fill(Rect(x: 0, y: 0, width: 2, height: 2), 0x000000))
    try display.drawFrame(fill(Rect(x: 6, y: 6, width: 2, height: 2), 0x000000))
    #expect(display.frame.pixel(x: 0, y: 0) == .white)
    #expect(display.lastCopiedPixels == 0)

    try display.setPowered(true)
    try display.drawFrame { _ in [] }
    #expect(display.frame.pixel(x: 0, y: 0) == .black)
    #expect(display.frame.pixel(x: 7, y: 7) == .black)
    #expect(display.presentCount == 2)
}

/// Nothing drawn, nothing shown: no flip, no completion.
@Test func emptyFrameIsNotShown() throws {
    let display = HeadlessDisplay(width: 4, height: 4)
    var completions = 0
    display.onFlipComplete = { _ in completions += 1 }
    try display.drawFrame(fill(display.bounds, 0x123456))
    try display.drawFrame { _ in [] }
    #expect(completions == 1 && display.presentCount == 1)
}

/// A rotated panel keeps its shadow frame; the logical picture is the
/// shadow, the front buffer is turned.
@Test func rotatedPanelDrawsIntoAShadowFrame() throws {
    let display = HeadlessDisplay(width: 6, height: 4, rotation: .quarter)
    #expect(!display.drawsIntoBackBuffer)
    try display.drawFrame(fill(Rect(x: 0, y: 0, width: 1, height: 1), 0xff0000))
    #expect(display.picture.width == 6)
    #expect(display.picture.pixel(x: 0, y: 0) == Color(hex: 0xff0000))
    #expect(display.frame.width == 4)
    #expect(display.frame.pixel(x: 3, y: 0) == Color(hex: 0xff0000))
}
