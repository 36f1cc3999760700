import Foundation

/// The command line of prikbord-server.
struct Options {
    var dataDirectory: String?
    var port: UInt16 = 8080
    var bindAddress = "0.0.0.0"
    var demo = false
    var demoNow: Date?
    var assetsDirectory: String?

    static let usage = """
        usage: prikbord-server --data DIR [--port 8080] [--bind ADDR] [--demo]
                               [--demo-now ISO8601] [--assets DIR]

        Serves a company's content to kiosks from the SQLite store in DIR.

          --data DIR          directory of the store (prikbord-server.sqlite), created if needed
          --port N            TCP port, 0 for any free one (default 8080)
          --bind ADDR         IPv4 address to listen on (default 0.0.0.0)
          --demo              seed the demo company into an empty store
          --demo-now ISO8601  reference time for the demo's relative times (default: now)
          --assets DIR        assets directory holding demo/company.json
                              (default: ../../assets next to the program, or ./assets)
          -h, --help          show this text
        """

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `arguments` (without the program name); nil when help was asked for.
    static func parse(_ arguments: [String]) throws -> Options? {
        var options = Options()
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let value = rest.popFirst() else {
                throw UsageError(description: "\(flag) needs a value")
            }
            return value
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "-h", "--help":
                return nil
            case "--data":
                options.dataDirectory = try value(flag)
            case "--port":
                let text = try value(flag)
                guard let port = UInt16(text) else {
                    throw UsageError(description: "--port \(text) is not a port number")
                }
                options.port = port
            case "--bind":
                options.bindAddress = try value(flag)
            case "--demo":
                options.demo = true
            case "--demo-now":
                let text = try value(flag)
                guard let date = ISO8601DateFormatter().date(from: text) else {
                    throw UsageError(description: "--demo-now \(text) is not an ISO 8601 time")
                }
                options.demoNow = date
            case "--assets":
                options.assetsDirectory = try value(flag)
            default:
                throw UsageError(description: "unknown argument \(flag)")
            }
        }
        guard options.dataDirectory != nil else {
            throw UsageError(description: "--data is required")
        }
        return options
    }

    /// The demo content's directory: --assets, else the assets next to the
    /// program (a build in .build/<config>/), else ./assets.
    func demoDirectory() -> URL? {
        var candidates: [URL] = []
        if let assetsDirectory {
            candidates.append(URL(fileURLWithPath: assetsDirectory))
        } else {
            let program = URL(fileURLWithPath: CommandLine.arguments[0])
                .deletingLastPathComponent()
            // .build/debug is a link to .build/<triple>/debug: one level more resolved.
            candidates.append(program.appendingPathComponent("../../assets"))
            candidates.append(
                program.resolvingSymlinksInPath().appendingPathComponent("../../../assets"))
            candidates.append(
                URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
                    .appendingPathComponent("assets"))
        }
        return
            candidates
            .map { $0.appendingPathComponent("demo").standardizedFileURL }
            .first {
                FileManager.default.fileExists(
                    atPath: $0.appendingPathComponent("company.json").path)
            }
    }
}
