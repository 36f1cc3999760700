import Foundation
import PrikbordGraphics
import Testing

@testable import PrikbordDisplay

/// Runs `body` with standard error going to a file and returns what was written.
private func capturingStandardError(_ body: () throws -> Void) rethrows -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("display-stderr-\(getpid()).log").path
    let file = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
    let saved = dup(2)
    dup2(file, 2)
    defer {
        dup2(saved, 2)
        close(saved)
        close(file)
    }
    try body()
    return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

private let machineHasNoScreen =
    DRMProbe.cardPaths().isEmpty && !FileManager.default.fileExists(atPath: "/dev/fb0")

@Test(.enabled(if: machineHasNoScreen, "needs a machine without /dev/dri and /dev/fb0"))
func automaticFallsBackToHeadlessAndSaysSo() throws {
    var display: Display?
    let log = try capturingStandardError {
        display = try openDisplay(
            .automatic, headlessWidth: 1080, headlessHeight: 1920,
            rotation: .none)
    }
    let headless = try #require(display as? HeadlessDisplay)
    #expect(headless.width == 1080 && headless.height == 1920)
    #expect(log.contains("no DRM display"))
    #expect(log.contains("running headless"))
    #expect(log.contains("display opened"))
}

@Test func explicitCardThatIsMissingThrowsWithItsPath() {
    #expect {
        _ = try openDisplay(
            .drm("/nonexistent/card7"), headlessWidth: 1, headlessHeight: 1,
            rotation: .none)
    } throws: { error in
        "\(error)".contains("/nonexistent/card7")
    }
}

@Test func rotatedHeadlessDrawsInLogicalSize() throws {
    let display = try openDisplay(
        .headless, headlessWidth: 1080, headlessHeight: 1920,
        rotation: .quarter)
    #expect(display.width == 1080 && display.height == 1920)
}

@Test func systemCallRetriesInterruptionsAndNamesTheCall() throws {
    var attempts = 0
    let result = try systemCall("read", on: "test") { () -> Int32 in
        attempts += 1
        if attempts == 1 {
            errno = EINTR
            return -1
        }
        return 7
    }
    #expect(result == 7 && attempts == 2)

    #expect {
        try systemCall("drmModePageFlip", on: "card9") { () -> Int32 in -EBUSY }
    } throws: { error in
        (error as? DisplayError)?.errno == EBUSY && "\(error)".contains("drmModePageFlip")
    }
}
