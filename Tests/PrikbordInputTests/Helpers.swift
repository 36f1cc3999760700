import Foundation
import Testing

@testable import PrikbordInput

enum FileManagerPath {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("prikbord-input-\(getpid())-\(name)").path
    }
}
