import PrikbordGraphics
import Testing

@testable import PrikbordDisplay

@Test func presentShowsOnlyTheDamage() throws {
    let display = HeadlessDisplay(width: 20, height: 10)
    let frame = Surface(width: 20, height: 10, color: .white)
    try display.present(frame, damage: [display.bounds])

    frame.fill(display.bounds, Color(hex: 0x0000ff))
    try display.present(frame, damage: [Rect(x: 0, y: 0, width: 5, height: 5)])

    #expect(display.frame.pixel(x: 4, y: 4) == Color(hex: 0x0000ff))
    #expect(display.frame.pixel(x: 5, y: 5) == .white)
    // The second buffer caught up with the whole first frame.
    #expect(display.lastCopiedPixels == 200)
    #expect(display.presentCount == 2)

    try display.present(frame, damage: [Rect(x: 10, y: 0, width: 2, height: 2)])
    // The first buffer missed only the second frame's 5 × 5.
    #expect(display.lastCopiedPixels == 25)
    #expect(display.frame.pixel(x: 4, y: 4) == Color(hex: 0x0000ff))
    #expect(display.frame.pixel(x: 11, y: 1) == Color(hex: 0x0000ff))
    #expect(display.frame.pixel(x: 12, y: 2) == .white)
}

@Test func flipCompletesWithinPresent() throws {
    let display = HeadlessDisplay(width: 4, height: 4)
    var stamps: [UInt64] = []
    display.onFlipComplete = { stamps.append($0) }
    try display.present(Surface(width: 4, height: 4), damage: [display.bounds])

    #expect(stamps.count == 1 && stamps[0] > 0)
    #expect(!display.isFlipPending && display.fileDescriptor == nil)
}

@Test func damageWhilePoweredOffIsShownOnWake() throws {
    let display = HeadlessDisplay(width: 8, height: 8)
    let frame = Surface(width: 8, height: 8, color: .white)
    try display.present(frame, damage: [display.bounds])
    try display.setPowered(false)

    frame.fill(Rect(x: 0, y: 0, width: 2, height: 2), .black)
    try display.present(frame, damage: [Rect(x: 0, y: 0, width: 2, height: 2)])
    #expect(display.frame.pixel(x: 0, y: 0) == .white)

    try display.setPowered(true)
    try display.present(frame, damage: [])
    #expect(display.frame.pixel(x: 0, y: 0) == .black)
}

@Test func frameOfTheWrongSizeIsRejected() {
    let display = HeadlessDisplay(width: 8, height: 8, rotation: .quarter)
    #expect(throws: DisplayError.self) {
        try display.present(Surface(width: 4, height: 8), damage: [])
    }
}
