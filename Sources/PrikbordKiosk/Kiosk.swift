import CDeviceShim
import FoundationEssentials
import PrikbordGraphics
import PrikbordInput
import PrikbordLog
import PrikbordPluginSDK
import PrikbordStore
import PrikbordUI

/// A kiosk: its store, its screens, and the gestures that change them. The
/// run loop and the one-shot screenshot mode both drive this type; tests
/// drive it too.
///
/// Input, time and sync change what the screens show; `draw(on:)` paints the
/// changes into the next frame — a display's back buffer or shadow frame.
/// Without a display, `frame` is a picture of the kiosk's own.
@MainActor
public final class Kiosk {
    public let config: KioskConfig
    private(set) var store: Store
    /// The file `store` has open, to notice one put in its place.
    private var storeFile: KioskStore.FileIdentity?
    let data: StoreData
    let shell: Shell
    private var lastOnline: Date?
    let recognizer: GestureRecognizer
    private let size: (width: Int, height: Int)
    private var ownFrame: Surface?

    public struct StartupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens the store and lays out the screens for a `width`×`height` display.
    public init(config: KioskConfig, width: Int, height: Int) throws {
        self.config = config
        size = (width, height)
        let started = MonotonicClock.now()
        // Photos and their scaled copies are big blocks that come and go.
        // glibc would raise its mmap threshold to the size of the first one
        // freed and serve the next ones from the heap, where freed pages are
        // kept; a fixed threshold gives each back to the kernel when freed.
        _ = prikbord_malloc_map_from(128 * 1024)
        store = try KioskStore.open(in: config.dataDirectory, check: true)
        storeFile = KioskStore.fileIdentity(in: config.dataDirectory)
        let storeOpened = MonotonicClock.now()

        guard let assets = config.assetsDirectory() else {
            throw StartupError(
                description: "cannot find the assets folder (strings); pass --assets DIR")
        }
        let strings: Strings
        do {
            strings = try Strings.load(
                language: config.language, from: assets.appendingPathComponent("strings"))
        } catch {
            Log.warning(
                "no strings for language; using English", ["kiosk.language": config.language])
            strings = try Strings.load(
                language: "en", from: assets.appendingPathComponent("strings"))
        }

        let fixedNow = config.fixedNow
        let clock: () -> Date = { fixedNow ?? Date() }
        data = try StoreData(store: store, siteID: config.siteID, clock: clock)
        let theme = Theme(screenWidth: width, screenHeight: height)
        let fontsStarted = MonotonicClock.now()
        let fonts = try FontLibrary()
        let fontsLoaded = MonotonicClock.now()
        let context = PluginContext(
            data: data, theme: theme, fonts: fonts, strings: strings, clock: clock)

        var plugins: [ScreenPlugin] = []
        for id in config.screens {
            guard let type = PluginCatalog.plugin(id: id) else {
                throw StartupError(
                    description:
                        "no screen called \(id); known: \(PluginCatalog.all.map { $0.id }.joined(separator: ", "))"
                )
            }
            plugins.append(type.init(context: context))
        }
        guard !plugins.isEmpty else { throw StartupError(description: "--screens lists no screen") }
        shell = Shell(width: width, height: height, context: context, plugins: plugins)
        func milliseconds(_ from: UInt64, _ to: UInt64) -> String { "\((to - from) / 1000)" }
        Log.info(
            "kiosk screens ready",
            [
                "startup.store_ms": milliseconds(started, storeOpened),
                "startup.fonts_ms": milliseconds(fontsStarted, fontsLoaded),
                "startup.first_screen_ms": milliseconds(fontsLoaded, MonotonicClock.now()),
            ])
        recognizer = GestureRecognizer(
            pixelsPerMillimetre: Kiosk.pixelsPerMillimetre(width: width, height: height))
    }

    /// Without the panel's physical size, assume a 24-inch screen.
    static func pixelsPerMillimetre(width: Int, height: Int) -> Double {
        let diagonalPixels = (Double(width * width + height * height)).squareRoot()
        return diagonalPixels / (24 * 25.4)
    }

    /// The kiosk's own picture, brought up to date on every read: for
    /// screenshots and tests without a display. Made on first use; a kiosk
    /// that draws into a display (`draw(on:)`) should not use it too.
    public var frame: Surface {
        if ownFrame == nil {
            ownFrame = Surface(width: size.width, height: size.height)
            shell.redrawAll()
        }
        let frame = ownFrame!
        _ = shell.draw(on: frame)
        return frame
    }

    /// Paints what changed since the last frame into `surface`, which holds
    /// that frame (at the kiosk's size); returns the rectangles changed.
    public func draw(on surface: Surface) -> [Rect] {
        precondition(
            surface.width == size.width && surface.height == size.height,
            "a \(size.width)x\(size.height) kiosk drawn on \(surface.width)x\(surface.height)")
        return shell.draw(on: surface)
    }

    public var activeScreenID: String { shell.activeScreenID }
    public var screenIDs: [String] { shell.screenIDs }

    /// Whether the store holds anything to show.
    public var hasContent: Bool {
        ((try? store.sites()) ?? []).isEmpty == false
    }

    /// The store changed (a sync applied rows): refresh what is shown.
    public func contentChanged() {
        reopenStoreIfReplaced()
        data.refresh()
        shell.contentChanged()
    }

    /// A sync that found the store damaged (or deleted) starts a new file;
    /// the kiosk would go on reading the old one, unlinked, for ever.
    private func reopenStoreIfReplaced() {
        let now = KioskStore.fileIdentity(in: config.dataDirectory)
        guard let now, now != storeFile else { return }
        do {
            let replacement = try KioskStore.open(in: config.dataDirectory, check: true)
            Log.warning(
                "kiosk store file was replaced; reading the new one",
                ["store.file": KioskStore.path(in: config.dataDirectory)])
            store.close()
            store = replacement
            storeFile = KioskStore.fileIdentity(in: config.dataDirectory)
            data.read(from: replacement)
        } catch {
            Log.error(
                "kiosk store file was replaced and cannot be opened; showing the old one",
                ["store.file": KioskStore.path(in: config.dataDirectory), "error": "\(error)"])
            storeFile = now
        }
    }

    /// The middle of navigation tab `index`, where a finger would tap it.
    public func tabCenter(_ index: Int) -> Point { shell.tabCenter(index) }

    /// Shows a screen complete, photos and all, in the kiosk's own
    /// picture (`frame`): for screenshots and tests.
    public func show(screenID: String) {
        shell.select(screenID: screenID)
        // Drawing asks for the photos; once decoded, the next read of
        // `frame` paints them.
        _ = frame
        settlePictures()
    }

    /// Readable when decoded photos are ready for ``picturesArrived()``.
    public var pictureFileDescriptor: Int32 { data.decoder.fileDescriptor }

    /// Takes decoded photos and repaints the blocks that waited for them.
    @discardableResult
    public func picturesArrived() -> Bool {
        guard data.takeDecoded() else { return false }
        shell.picturesArrived()
        return true
    }

    /// Waits until every photo the screen asked for is decoded and marked
    /// for the next frame (at most a few seconds: a photo that never
    /// decodes must not hang a screenshot).
    public func settlePictures() {
        let deadline = MonotonicClock.now() + 5_000_000
        while data.photosOutstanding > 0, MonotonicClock.now() < deadline {
            data.decoder.waitForOne(milliseconds: 100)
            picturesArrived()
        }
    }

    /// Feeds one input event through gesture recognition into the screens.
    public func handle(_ event: InputEvent) {
        switch event {
        case .text(let text, _):
            shell.enterText(text)
            return
        case .key(let code, let pressed, _):
            if pressed { shell.press(keyCode: code) }
            return
        default:
            break
        }
        let time = event.time ?? 0
        for gesture in recognizer.handle(event) {
            shell.handle(gesture, now: time)
        }
    }

    /// Lets time pass: long presses fire, flings move, the clock turns.
    public func tick(now: UInt64) {
        for gesture in recognizer.tick(now: now) {
            shell.handle(gesture, now: now)
        }
        shell.tick(now: now, date: config.fixedNow ?? Date())
    }

    public var isAnimating: Bool { shell.isAnimating }

    /// Uses an idle moment to prepare one screen not yet shown; false when
    /// all are ready.
    public func prepareIdle() -> Bool { shell.prepareNextScreen() }

    /// Draws every pixel again, e.g. after the panel was dark or another
    /// session had the screen.
    public func redrawAll() { shell.redrawAll() }

    /// The calendar in the site's time zone, for the sleep hours.
    var calendar: SiteCalendar { shell.context.calendar }

    /// How far the active screen is scrolled, in pixels.
    public var scrollOffset: Int { shell.scrollOffset }

    /// Whether something changed that the next frame must show.
    public var needsDrawing: Bool { shell.needsDrawing }

    /// Whether a finger is on the screen (long presses need ticks).
    var isTouching: Bool { recognizer.isWaitingForLongPress }

    /// Shows or clears the quiet "Offline · last update HH:MM" line; the
    /// time is that of the last sync that reached the server.
    func setOffline(_ offline: Bool) {
        if !offline { lastOnline = Date() }
        let strings = shell.context.strings
        shell.status =
            offline
            ? lastOnline.map {
                strings.format("status.offline", ["time": shell.context.clockTime($0)])
            }
                ?? strings["status.offlineStored"]
            : nil
    }

    /// Replays recorded input in virtual time, one frame every 16.7 ms, so
    /// the result does not depend on how fast this machine is.
    public func replay(_ events: [InputEvent]) {
        let frameMicros: UInt64 = 16_667
        var now = events.first?.time ?? 0
        var index = 0
        while index < events.count || isAnimating {
            while index < events.count, (events[index].time ?? 0) <= now {
                handle(events[index])
                index += 1
            }
            tick(now: now)
            now += frameMicros
            if index >= events.count, now > (events.last?.time ?? 0) + 10_000_000 { break }
        }
        tick(now: now + 1_000_000)
    }

    public func close() {
        store.close()
    }
}
