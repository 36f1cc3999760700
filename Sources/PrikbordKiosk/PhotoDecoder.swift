import CDeviceShim
import Dispatch
import FoundationEssentials
import Glibc
import PrikbordGraphics
import Synchronization

/// Decodes photos on a thread of its own, so that a photo scrolling into
/// view never holds up a frame.
///
/// The UI thread reads the blob (the store's connection is its own) and
/// submits it; a serial queue decodes it; each finished photo is queued
/// and announced with a byte on a pipe the run loop polls. A block drawn
/// before its photo arrived shows a placeholder and is repainted when it
/// comes.
final class PhotoDecoder: Sendable {
    struct Finished: @unchecked Sendable {
        // The image was made on the decoding thread and is handed over
        // once; nothing else holds it.
        var key: String
        var sha256: String
        var step: Int
        var image: Image?
        var error: String?
    }

    private let queue = DispatchQueue(label: "prikbord-photos", qos: .utility)
    private let finished = Mutex<[Finished]>([])
    private let outstanding = Atomic<Int>(0)
    private let wakeRead: Int32
    private let wakeWrite: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        guard prikbord_pipe_cloexec(&ends) == 0 else {
            throw SyncAgent.SpawnError(call: "pipe2", code: errno, program: "photo decoder")
        }
        _ = fcntl(ends[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        (wakeRead, wakeWrite) = (ends[0], ends[1])
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    /// Readable when photos have finished.
    var fileDescriptor: Int32 { wakeRead }

    /// Photos submitted and not yet taken.
    var pending: Int { outstanding.load(ordering: .acquiring) }

    func submit(key: String, sha256: String, data: Data, atLeast side: Int) {
        outstanding.add(1, ordering: .releasing)
        queue.async { [self] in
            var done = Finished(key: key, sha256: sha256, step: side)
            do {
                done.image = try Image.decode(data, atLeast: side)
            } catch {
                done.error = "\(error)"
            }
            finished.withLock { $0.append(done) }
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
    }

    /// The photos finished since the last call.
    func takeFinished() -> [Finished] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
        let taken = finished.withLock { list in
            let taken = list
            list.removeAll()
            return taken
        }
        outstanding.subtract(taken.count, ordering: .releasing)
        return taken
    }

    /// Blocks until a photo finished or `milliseconds` passed.
    func waitForOne(milliseconds: Int32) {
        var entry = pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)
        _ = poll(&entry, 1, milliseconds)
    }
}
