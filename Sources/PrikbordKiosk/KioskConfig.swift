import FoundationEssentials

/// How a kiosk runs, from its command line.
public struct KioskConfig: Sendable {
    public enum DisplayKind: String, Sendable {
        case automatic = "auto"
        case drm, fbdev, headless
    }

    public var server = URL(string: "http://127.0.0.1:8080")!
    public var dataDirectory = URL(fileURLWithPath: "/var/lib/prikbord")
    public var siteID: String?
    public var display = DisplayKind.automatic
    public var devicePath: String?
    public var width = 1080
    public var height = 1920
    public var rotation = 0
    public var screenshots: URL?
    public var inputScript: URL?
    /// A PNG the headless display keeps up to date with what it shows.
    public var livePicture: URL?
    public var language = "en"
    public var fixedNow: Date?
    public var assets: URL?
    public var syncInterval: Duration = .seconds(30)
    public var screens = ["news", "directory", "agenda", "onboarding"]
    /// Hours the screen stays dark unless touched.
    public var sleep: SleepSchedule?
    /// Dark after this long without a touch; nil keeps it lit.
    public var blankAfter: Duration?
    /// Touch sensor calibration, libinput's six numbers.
    public var calibration: [Double]?
    /// The sync agent program; nil finds `prikbord-sync` beside this one.
    public var syncAgent: String?

    public init() {}

    public static let usage = """
        usage: prikbord [options]

        The Prikbord kiosk: syncs news, the staff directory, the agenda and
        onboarding from the central server and shows them on this screen.

          --server URL           central server (default http://127.0.0.1:8080)
          --data DIR             where the kiosk keeps its store (default /var/lib/prikbord)
          --site ID              the site this kiosk stands on (default: the first site)
          --display KIND         auto, drm, fbdev or headless (default auto: DRM, then
                                 fbdev, then headless)
          --device PATH          a DRM card or framebuffer device to use
          --size WxH             size of the headless display (default 1080x1920)
          --rotation DEG         0, 90, 180 or 270: how the panel is mounted
          --calibration A,B,C,D,E,F
                                 touch calibration matrix (libinput's convention)
          --language CODE        language of the kiosk's words: en or nl (default en)
          --screens LIST         screens in order (default news,directory,agenda,onboarding)
          --sync-interval SEC    seconds between syncs (default 30)
          --sync-agent PATH      the program that syncs (default: prikbord-sync
                                 beside this one, else on PATH)
          --sleep HH:MM-HH:MM    hours the screen is dark unless touched, e.g. 22:00-05:30
          --blank-after TIME     darken the screen after TIME without a touch: minutes,
                                 or seconds with s (20s); 0 or default: never.
                                 The waking touch does not tap
          --screenshots DIR      sync once, write one PNG per screen to DIR, and exit
          --input-script FILE    replay taps and drags from FILE (see README)
          --live-picture FILE    with a headless display, keep FILE a PNG of the screen
          --now ISO8601          a fixed clock, for reproducible screenshots
          --assets DIR           the assets folder (strings); found by default
          --help                 this text
        """

    public struct ArgumentError: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Reads the command line; throws with a message that names the bad option.
    public static func parse(_ arguments: [String]) throws -> KioskConfig {
        var config = KioskConfig()
        var rest = arguments[...]
        func value(_ option: String) throws -> String {
            guard let next = rest.popFirst(), !next.hasPrefix("--") else {
                throw ArgumentError(description: "\(option) needs a value")
            }
            return next
        }
        while let option = rest.popFirst() {
            switch option {
            case "--server":
                let text = try value(option)
                guard let url = URL(string: text), url.scheme?.hasPrefix("http") == true else {
                    throw ArgumentError(
                        description: "--server needs an http:// or https:// URL, not \(text)")
                }
                config.server = url
            case "--data": config.dataDirectory = URL(fileURLWithPath: try value(option))
            case "--site": config.siteID = try value(option)
            case "--display":
                let text = try value(option)
                guard let kind = DisplayKind(rawValue: text) else {
                    throw ArgumentError(
                        description: "--display is auto, drm, fbdev or headless, not \(text)")
                }
                config.display = kind
            case "--device": config.devicePath = try value(option)
            case "--size":
                let text = try value(option)
                let parts = text.split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, (200...8192).contains(parts[0]),
                    (200...8192).contains(parts[1])
                else {
                    throw ArgumentError(
                        description: "--size is WIDTHxHEIGHT, e.g. 1080x1920, not \(text)")
                }
                (config.width, config.height) = (parts[0], parts[1])
            case "--rotation":
                let text = try value(option)
                guard let degrees = Int(text), [0, 90, 180, 270].contains(degrees) else {
                    throw ArgumentError(description: "--rotation is 0, 90, 180 or 270, not \(text)")
                }
                config.rotation = degrees
            case "--calibration":
                let text = try value(option)
                let numbers = text.split(separator: ",").compactMap { Double($0) }
                guard numbers.count == 6 else {
                    throw ArgumentError(
                        description: "--calibration needs six numbers separated by commas")
                }
                config.calibration = numbers
            case "--language": config.language = try value(option)
            case "--screens":
                config.screens = try value(option).split(separator: ",").map(String.init)
            case "--sync-interval":
                let text = try value(option)
                guard let seconds = Int(text), (1...86_400).contains(seconds) else {
                    throw ArgumentError(
                        description:
                            "--sync-interval is a number of seconds up to a day, not \(text)")
                }
                config.syncInterval = .seconds(seconds)
            case "--sync-agent": config.syncAgent = try value(option)
            case "--sleep":
                let text = try value(option)
                guard let schedule = SleepSchedule(text) else {
                    throw ArgumentError(
                        description: "--sleep is HH:MM-HH:MM, e.g. 22:00-05:30, not \(text)")
                }
                config.sleep = schedule
            case "--blank-after":
                let text = try value(option)
                guard let seconds = blankingSeconds(text) else {
                    throw ArgumentError(
                        description: "--blank-after is minutes or seconds (10 or 20s) up to a week,"
                            + " not \(text)")
                }
                config.blankAfter = seconds == 0 ? nil : .seconds(seconds)
            case "--screenshots": config.screenshots = URL(fileURLWithPath: try value(option))
            case "--input-script": config.inputScript = URL(fileURLWithPath: try value(option))
            case "--live-picture": config.livePicture = URL(fileURLWithPath: try value(option))
            case "--now":
                let text = try value(option)
                guard let date = try? Date(text, strategy: .iso8601) else {
                    throw ArgumentError(
                        description:
                            "--now is an ISO 8601 time such as 2026-12-07T09:00:00Z, not \(text)")
                }
                config.fixedNow = date
            case "--assets": config.assets = URL(fileURLWithPath: try value(option))
            case "--help", "-h":
                throw ArgumentError(description: usage)
            default:
                throw ArgumentError(description: "unknown option \(option); see --help")
            }
        }
        return config
    }

    /// `--blank-after` in seconds: a plain number is minutes, as a site
    /// manager thinks of it; `s` marks seconds, for tests and demos.
    static func blankingSeconds(_ text: String) -> Int? {
        let inSeconds = text.hasSuffix("s")
        let digits = inSeconds ? text.dropLast() : Substring(text)
        guard digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let count = Int(digits)
        else { return nil }
        let week = 7 * 24 * 60 * 60
        guard count <= (inSeconds ? week : week / 60) else { return nil }
        return inSeconds ? count : count * 60
    }

    /// The assets folder: as given, next to the program's package, or in
    /// the system's share folder.
    public func assetsDirectory() -> URL? {
        if let assets { return assets }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(
                "assets")
        ]
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("assets"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: "/usr/share/prikbord"))
        return candidates.first {
            FileManager.default.fileExists(
                atPath: $0.appendingPathComponent("strings/en.json").path)
        }
    }
}
