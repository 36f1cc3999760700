import Foundation
import Testing

@testable import PrikbordInput

enum FileManagerPath {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("prikbord-input-\(getpid())-\(name)").path
    }
}

/// The events of a recording in Recordings/.
func recording(_ name: String) throws -> [InputEvent] {
    let url = try #require(
        Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Recordings"),
        "no recording \(name).txt"
    )
    return try ScriptedInput.load(path: url.path)
}

/// A density typical of a 21.5" 1080p kiosk panel.
let kioskPixelsPerMillimetre = 4.0

/// The gestures a fresh recognizer sees in `events`.
func recognize(_ events: [InputEvent]) -> [Gesture] {
    let recognizer = GestureRecognizer(pixelsPerMillimetre: kioskPixelsPerMillimetre)
    return events.flatMap { recognizer.handle($0) }
}

/// Gestures by kind, runs of `dragMoved` as one, to compare sequences at a glance.
func outline(_ gestures: [Gesture]) -> [String] {
    var names: [String] = []
    for gesture in gestures {
        let name: String
        switch gesture {
        case .pressed: name = "pressed"
        case .released: name = "released"
        case .tap: name = "tap"
        case .longPress: name = "longPress"
        case .dragBegan: name = "dragBegan"
        case .dragMoved: name = "dragMoved…"
        case .dragEnded: name = "dragEnded"
        case .swipe(let direction): name = "swipe \(direction)"
        }
        if name == "dragMoved…" && names.last == name { continue }
        names.append(name)
    }
    return names
}
