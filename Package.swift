// swift-tools-version: 6.0
import PackageDescription

/// A C library from Debian's -dev packages, found through pkg-config.
func system(_ name: String, _ pkg: String, apt: String) -> Target {
    .systemLibrary(
        name: name,
        pkgConfig: pkg,
        providers: [.apt([apt])]
    )
}

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6)
]

let package = Package(
    name: "Prikbord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "prikbord", targets: ["prikbord"]),
        .executable(name: "prikbord-sync", targets: ["prikbord-sync"]),
        .executable(name: "prikbord-server", targets: ["prikbord-server"]),
        .executable(name: "prikbordctl", targets: ["prikbordctl"]),
        .executable(name: "bench", targets: ["bench"]),
        .executable(name: "bench-kiosk", targets: ["bench-kiosk"]),
        .executable(name: "drm-probe", targets: ["drm-probe"]),
    ],
    targets: [
        // C libraries, one module map each.
        system("CSQLite", "sqlite3", apt: "libsqlite3-dev"),
        system("CFreeType", "freetype2", apt: "libfreetype-dev"),
        system("CHarfBuzz", "harfbuzz", apt: "libharfbuzz-dev"),
        system("CFontconfig", "fontconfig", apt: "libfontconfig-dev"),
        system("CPixman", "pixman-1", apt: "libpixman-1-dev"),
        system("CPNG", "libpng", apt: "libpng-dev"),
        system("CTurboJPEG", "libturbojpeg", apt: "libturbojpeg0-dev"),
        system("CMicroHTTPD", "libmicrohttpd", apt: "libmicrohttpd-dev"),
        system("CInput", "libinput", apt: "libinput-dev"),
        system("CDRM", "libdrm", apt: "libdrm-dev"),
        system("CSystemd", "libsystemd", apt: "libsystemd-dev"),
        system("CSeat", "libseat", apt: "libseat-dev"),
        system("CSodium", "libsodium", apt: "libsodium-dev"),
        system("CXKBCommon", "xkbcommon", apt: "libxkbcommon-dev"),
        system("CICU", "icu-i18n", apt: "libicu-dev"),

        // Small C helpers for calls Swift cannot make (variadic C functions,
        // ICU's functions whose names are macros with the version in them).
        .target(name: "CServerShim", dependencies: ["CMicroHTTPD"]),
        .target(name: "CDeviceShim"),
        .target(name: "CICUShim", dependencies: ["CICU"]),

        // Layers, bottom up.
        .target(name: "PrikbordModel", swiftSettings: strict),
        .target(
            name: "PrikbordLog",
            dependencies: ["CSystemd"],
            swiftSettings: strict
        ),
        // Dates, time zones and the order of names, from the system's ICU.
        .target(
            name: "PrikbordLocale",
            dependencies: ["CICUShim"],
            swiftSettings: strict
        ),
        .target(
            name: "PrikbordStore",
            dependencies: ["CSQLite", "CSodium", "PrikbordModel", "PrikbordLog"],
            swiftSettings: strict
        ),
        .target(
            name: "PrikbordSync",
            dependencies: ["PrikbordStore", "PrikbordModel", "PrikbordLog"],
            swiftSettings: strict
        ),
        .target(
            name: "PrikbordGraphics",
            dependencies: [
                "CPixman", "CFreeType", "CHarfBuzz", "CFontconfig", "CPNG",
                "CTurboJPEG", "PrikbordLog",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PrikbordDisplay",
            dependencies: ["CDRM", "CDeviceShim", "PrikbordGraphics", "PrikbordLog"],
            swiftSettings: strict
        ),
        .target(
            name: "PrikbordInput",
            dependencies: ["CInput", "CSeat", "CXKBCommon", "CDeviceShim", "PrikbordLog"],
            swiftSettings: strict
        ),
        .target(
            name: "PrikbordUI",
            dependencies: ["PrikbordGraphics", "PrikbordInput", "PrikbordModel"],
            swiftSettings: strict
        ),
        .target(
            name: "PrikbordPluginSDK",
            dependencies: ["PrikbordUI", "PrikbordModel", "PrikbordLocale", "PrikbordLog"],
            swiftSettings: strict
        ),

        // The screen plugins: each sees only the plugin SDK.
        .target(
            name: "NewsPlugin",
            dependencies: ["PrikbordPluginSDK"],
            path: "Plugins/News",
            swiftSettings: strict
        ),
        .target(
            name: "DirectoryPlugin",
            dependencies: ["PrikbordPluginSDK"],
            path: "Plugins/Directory",
            swiftSettings: strict
        ),
        .target(
            name: "AgendaPlugin",
            dependencies: ["PrikbordPluginSDK"],
            path: "Plugins/Agenda",
            swiftSettings: strict
        ),
        .target(
            name: "OnboardingPlugin",
            dependencies: ["PrikbordPluginSDK"],
            path: "Plugins/Onboarding",
            swiftSettings: strict
        ),

        // The kiosk application and the central server, as libraries so
        // tests drive them for real.
        .target(
            name: "PrikbordKiosk",
            dependencies: [
                "PrikbordStore", "PrikbordGraphics", "PrikbordDisplay", "PrikbordInput",
                "PrikbordUI",
                "PrikbordPluginSDK", "NewsPlugin", "DirectoryPlugin",
                "AgendaPlugin", "OnboardingPlugin", "PrikbordLocale", "PrikbordLog", "CInput",
                "CDeviceShim",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PrikbordServer",
            dependencies: [
                "CServerShim", "CMicroHTTPD", "PrikbordStore", "PrikbordModel",
                "PrikbordLog",
            ],
            swiftSettings: strict
        ),

        // Programs.
        .executableTarget(
            name: "prikbord",
            dependencies: ["PrikbordKiosk"],
            swiftSettings: strict
        ),
        // Syncs a kiosk's store once; the kiosk runs it every sync interval.
        .executableTarget(
            name: "prikbord-sync",
            dependencies: ["PrikbordSync"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "prikbord-server",
            dependencies: ["PrikbordServer"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "prikbordctl",
            dependencies: ["PrikbordServer", "PrikbordStore", "PrikbordSync"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "bench",
            dependencies: [
                "PrikbordKiosk", "PrikbordInput", "PrikbordServer", "PrikbordStore", "PrikbordLog",
            ],
            swiftSettings: strict
        ),
        // The kiosk process `bench` measures: the kiosk's code and libraries
        // and nothing else, so its start-up and memory are a kiosk's.
        .executableTarget(
            name: "bench-kiosk",
            dependencies: [
                "PrikbordKiosk", "PrikbordDisplay", "PrikbordInput", "PrikbordGraphics",
                "PrikbordLog",
            ],
            swiftSettings: strict
        ),
        // Draws a test pattern through a real display, for the VM end-to-end test.
        .executableTarget(
            name: "drm-probe",
            dependencies: ["PrikbordDisplay", "PrikbordGraphics", "PrikbordLog"],
            swiftSettings: strict
        ),

        // Tests mirror the modules.
        .testTarget(
            name: "PrikbordLocaleTests",
            dependencies: ["PrikbordLocale"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PrikbordStoreTests",
            dependencies: ["PrikbordStore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PrikbordSyncTests",
            dependencies: ["PrikbordSync", "PrikbordServer", "PrikbordStore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PrikbordGraphicsTests",
            dependencies: ["PrikbordGraphics"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PrikbordDisplayTests",
            dependencies: ["PrikbordDisplay", "PrikbordGraphics"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PrikbordInputTests",
            dependencies: ["PrikbordInput"],
            resources: [.copy("Recordings")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PrikbordUITests",
            dependencies: ["PrikbordUI"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PrikbordPluginSDKTests",
            dependencies: ["PrikbordPluginSDK"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PrikbordKioskTests",
            dependencies: [
                "PrikbordKiosk", "PrikbordDisplay", "PrikbordLocale", "PrikbordServer",
                "PrikbordStore",
            ],
            resources: [.copy("References")],
            swiftSettings: strict
        ),
    ]
)
