import Testing

@testable import PrikbordInput

@Suite struct ActiveTouchesTests {
    @Test func removedDeviceHandsBackTheSlotsItStillHadDown() {
        var touches = ActiveTouches()
        touches.began(3, on: 1)
        touches.began(0, on: 1)
        touches.began(1, on: 2)
        touches.began(5, on: 1)
        touches.ended(5, on: 1)

        #expect(touches.removeDevice(1) == [0, 3])
        #expect(touches.removeDevice(1).isEmpty)
        #expect(touches.removeDevice(2) == [1])
    }
}
