import FoundationEssentials
import Glibc

/// Formats a C library's printf-style log message, without its trailing
/// newline, for `Log`.
func formatLibraryMessage(_ format: UnsafePointer<CChar>, _ arguments: CVaListPointer) -> String {
    var buffer = [UInt8](repeating: 0, count: 512)
    let length = buffer.withUnsafeMutableBufferPointer {
        $0.withMemoryRebound(to: CChar.self) {
            vsnprintf($0.baseAddress, $0.count, format, arguments)
        }
    }
    let used = buffer.prefix(max(0, min(Int(length), buffer.count - 1)))
    var line = String(decoding: used, as: UTF8.self)
    while line.last?.isNewline == true { line.removeLast() }
    return line
}
