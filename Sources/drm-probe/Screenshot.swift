import Foundation

/// The host's screenshot service over the shared folder: a request file
/// `req/NAME` is answered with `out/NAME.ppm` and removed. The frame must stay
/// on screen until then.
struct ScreenshotService {
    let share: String

    /// Asks for a screenshot and waits for it; false on timeout.
    func capture(_ name: String, timeoutSeconds: Double = 60) -> Bool {
        let request = "\(share)/req/\(name)"
        guard FileManager.default.createFile(atPath: request, contents: nil) else {
            return false
        }
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while FileManager.default.fileExists(atPath: request) {
            if Date() > deadline { return false }
            usleep(50_000)
        }
        return true
    }

    func outputPath(_ file: String) -> String { "\(share)/out/\(file)" }
}
