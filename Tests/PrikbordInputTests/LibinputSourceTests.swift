import Foundation
import Testing

@testable import PrikbordInput

@Suite struct LibinputSourceTests {
    let geometry = InputGeometry(panelWidth: 1920, panelHeight: 1080, rotation: .quarter)

    @Test func pathBackendWithoutDevicesIsQuiet() throws {
        let source = try LibinputSource(devicePaths: [], geometry: geometry)

        #expect(source.fileDescriptor >= 0)
        #expect(source.seatFileDescriptor == nil)
        #expect(source.dispatch().isEmpty)
    }

    @Test func missingDeviceIsReportedWithItsPath() {
        let path = "/dev/input/event-that-is-not-there"

        #expect(throws: InputError(call: "stat", errno: ENOENT, subject: path)) {
            _ = try LibinputSource(devicePaths: [path], geometry: geometry)
        }
    }

    @Test func fileThatIsNoInputDeviceIsRefused() throws {
        let path = FileManagerPath.temporary("not-evdev")
        try Data("plain text".utf8).write(to: URL(fileURLWithPath: path))

        #expect(throws: InputError.self) {
            _ = try LibinputSource(devicePaths: [path], geometry: geometry)
        }
    }

    @Test func seatBackendStartsWithTheDevicesThereAre() throws {
        // No seat daemon or /dev/input here: the source opens directly and
        // finds what udev lists, possibly nothing.
        let source = try LibinputSource(geometry: geometry, seat: nil)

        let events = source.dispatch()

        #expect(source.fileDescriptor >= 0)
        #expect(
            events.allSatisfy {
                if case .deviceAdded = $0 { true } else { false }
            })
    }
}
