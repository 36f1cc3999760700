import CSystemd
import Foundation
import PrikbordLog
import PrikbordServer
import PrikbordStore

/// Blocks SIGTERM and SIGINT in every thread (libmicrohttpd's threads inherit
/// the mask) so the main thread can wait for them with sigwait.
func blockStopSignals() -> sigset_t {
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGTERM)
    sigaddset(&signals, SIGINT)
    pthread_sigmask(SIG_BLOCK, &signals, nil)
    return signals
}

func openStore(_ options: Options) throws -> Store {
    let directory = options.dataDirectory ?? "."
    try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    let file = URL(fileURLWithPath: directory).appendingPathComponent("prikbord-server.sqlite")
    return try Store(path: file.path)
}

func seedDemoIfEmpty(_ store: Store, _ options: Options) throws {
    guard options.demo else { return }
    guard try store.latestSeq() == 0 else {
        Log.info("store has content; demo not seeded")
        return
    }
    guard let directory = options.demoDirectory() else {
        throw Options.UsageError(description: "demo content not found; pass --assets DIR")
    }
    try DemoContent.seed(into: store, from: directory, now: options.demoNow ?? Date())
    Log.info("demo content seeded", ["demo.directory": directory.path])
}

func run(_ options: Options) throws {
    let signals = blockStopSignals()
    let store = try openStore(options)
    defer { store.close() }
    try seedDemoIfEmpty(store, options)

    let server = try Server(store: store, port: options.port, bindAddress: options.bindAddress)
    let counts = try server.withStore { store in
        try ["site", "person", "post", "event"].map { try store.rowCount(table: $0) }
    }
    Log.info(
        "prikbord-server listening",
        [
            "http.address": options.bindAddress, "http.port": String(server.port),
            "store.sites": String(counts[0]), "store.people": String(counts[1]),
            "store.posts": String(counts[2]), "store.events": String(counts[3]),
        ])
    _ = sd_notify(0, "READY=1")

    var received: Int32 = 0
    var waiting = signals
    sigwait(&waiting, &received)
    _ = sd_notify(0, "STOPPING=1")
    server.stop()
    Log.info("prikbord-server stopped", ["signal": String(received)])
}

do {
    guard let options = try Options.parse(Array(CommandLine.arguments.dropFirst())) else {
        print(Options.usage)
        exit(0)
    }
    try run(options)
} catch let error as Options.UsageError {
    FileHandle.standardError.write(Data("prikbord-server: \(error)\n\n\(Options.usage)\n".utf8))
    exit(64)
} catch {
    FileHandle.standardError.write(Data("prikbord-server: \(error)\n".utf8))
    exit(1)
}
