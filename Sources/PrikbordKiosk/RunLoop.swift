import FoundationEssentials
import Glibc
import PrikbordDisplay
import PrikbordGraphics
import PrikbordInput
import PrikbordLog

/// The kiosk's one UI thread: a poll() over the display (page-flip
/// events), the input devices, the seat, the photo decoder and the sync
/// agent's output. Events change the kiosk's state; a frame is drawn (into
/// the display's back buffer) only when something changed and no page flip
/// is in flight, and the panel sleeps when nobody needs it.
@MainActor
final class KioskRunLoop {
    private let kiosk: Kiosk
    private let display: Display
    private let input: LibinputSource?
    private let sync: SyncAgent
    private var power: DisplayPower
    /// Only a DRM display can be unplugged and plugged back.
    private let hotplug: HotplugMonitor?
    private var script: [InputEvent] = []

    init(kiosk: Kiosk, display: Display, input: LibinputSource?, sync: SyncAgent) {
        self.kiosk = kiosk
        self.display = display
        self.input = input
        self.sync = sync
        hotplug = display is DRMDisplay ? HotplugMonitor() : nil
        power = DisplayPower(
            schedule: kiosk.config.sleep, idleTimeout: kiosk.config.blankAfter,
            calendar: kiosk.calendar, now: Date()
        )
        display.onFlipComplete = { [weak self] _ in
            MainActor.assumeIsolated { self?.frameDone() }
        }
        // Another session took the seat (a VT switch): stop drawing until
        // it comes back, then draw everything, since the screen was someone
        // else's meanwhile.
        input?.onSeatDisabled = { [weak self] in
            MainActor.assumeIsolated {
                Log.info("seat disabled; display paused")
                self?.display.pause()
            }
        }
        input?.onSeatEnabled = { [weak self] in
            MainActor.assumeIsolated { self?.seatEnabled() }
        }
    }

    static func monotonicMicros() -> UInt64 { MonotonicClock.now() }

    func schedule(script events: [InputEvent]) {
        let start = Self.monotonicMicros() + 500_000
        script = events.map { $0.shifted(by: start) }
    }

    func run() -> Int32 {
        StopSignal.install()
        // libinput queues the devices it found at start; take them now
        // rather than with the first touch.
        if let input { for event in input.dispatch() { route(event) } }
        drawFrame()
        Log.info(
            "kiosk running", ["display": display.summary, "kiosk.screen": kiosk.activeScreenID])
        while !StopSignal.isRequested {
            handle(sync.service(now: Self.monotonicMicros()))
            var fds: [pollfd] = []
            let sources = [
                kiosk.pictureFileDescriptor, sync.fileDescriptor, display.fileDescriptor,
                input?.fileDescriptor,
                input?.seatFileDescriptor, hotplug?.fileDescriptor,
            ]
            for fd in sources {
                if let fd { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            }
            let ready = poll(&fds, nfds_t(fds.count), timeoutMilliseconds())
            if ready < 0 && errno != EINTR {
                Log.error("poll failed", ["errno": "\(errno)"])
                return 1
            }
            for entry in fds where entry.revents != 0 {
                handleReadable(entry.fd)
            }
            let now = Self.monotonicMicros()
            while let next = script.first, (next.time ?? 0) <= now {
                route(script.removeFirst())
            }
            if let input { for event in input.dueRepeats(at: now) { route(event) } }
            updatePower()
            kiosk.tick(now: now)
            drawFrame()
        }
        Log.info("kiosk stopping")
        sync.stop()
        return 0
    }

    private func handleReadable(_ fd: Int32) {
        if fd == sync.fileDescriptor { handle(sync.readable(now: Self.monotonicMicros())) }
        if fd == kiosk.pictureFileDescriptor { kiosk.picturesArrived() }
        if fd == display.fileDescriptor {
            do { try display.dispatchEvents() } catch {
                Log.warning("display event failed", ["error": "\(error)"])
            }
        }
        if let input, fd == input.fileDescriptor || fd == input.seatFileDescriptor {
            for event in input.dispatch() { route(event) }
        }
        if let hotplug, fd == hotplug.fileDescriptor, hotplug.drainEvents(),
            let drm = display as? DRMDisplay
        {
            do {
                // A panel that came back gets a modeset and every pixel.
                if try drm.reprobe(), drm.isConnected { kiosk.redrawAll() }
            } catch {
                Log.warning("connector re-probe failed", ["error": "\(error)"])
            }
        }
    }

    /// Passes an event on, unless it is the touch that wakes a dark panel.
    private func route(_ event: InputEvent) {
        let now = Date()
        let wasOn = power.isOn
        var absorbed = false
        switch event {
        case .touchDown(let slot, _, _, _):
            absorbed = power.absorbs(slot: slot, down: true, up: false, at: now)
        case .touchMotion(let slot, _, _, _):
            absorbed = power.absorbs(slot: slot, down: false, up: false, at: now)
        case .touchUp(let slot, _), .touchCancel(let slot, _):
            absorbed = power.absorbs(slot: slot, down: false, up: true, at: now)
        case .key, .text:
            _ = power.absorbs(slot: -1, down: false, up: false, at: now)
        case .touchFrame, .deviceAdded, .deviceRemoved:
            break
        }
        if !wasOn && power.isOn { setPowered(true, reason: "touch") }
        if !absorbed { kiosk.handle(event) }
    }

    private func updatePower() {
        // The site, and with it the zone, may come with a later sync.
        power.calendar = kiosk.calendar
        guard let on = power.update(at: Date()) else { return }
        setPowered(
            on,
            reason: on
                ? "schedule"
                : (power.schedule?.contains(Date(), in: power.calendar) == true
                    ? "sleep hours" : "idle"))
    }

    private func setPowered(_ on: Bool, reason: String) {
        do {
            try display.setPowered(on)
            Log.info(on ? "display woken" : "display blanked", ["display.reason": reason])
        } catch {
            Log.warning(
                "display power change failed", ["error": "\(error)", "display.on": "\(on)"])
        }
        if on { kiosk.redrawAll() }
    }

    private func seatEnabled() {
        do {
            try display.resume()
            Log.info("seat enabled; display resumed")
        } catch {
            Log.warning("display cannot resume", ["error": "\(error)"])
        }
        kiosk.redrawAll()
    }

    /// How long poll() may sleep: a frame while something moves and no
    /// flip event will wake us, otherwise until the clock's next minute, the
    /// next sync or the moment the panel is to go dark.
    private var screensPrepared = false

    private func timeoutMilliseconds() -> Int32 {
        // Nothing else to do: get the other screens ready, one per turn.
        if !screensPrepared && !kiosk.isAnimating && !hasFrameToDraw && !kiosk.isTouching {
            screensPrepared = !kiosk.prepareIdle()
            if !screensPrepared { return 0 }
        }
        if kiosk.isAnimating || hasFrameToDraw {
            return display.fileDescriptor == nil || !display.isFlipPending ? 16 : 100
        }
        if pendingLivePicture { return 500 }
        if let next = script.first {
            let wait = Int64(next.time ?? 0) - Int64(Self.monotonicMicros())
            return Int32(max(0, min(1000, wait / 1000)))
        }
        if let deadline = input?.repeatDeadline {
            let wait = Int64(deadline) - Int64(Self.monotonicMicros())
            return Int32(max(0, min(1000, wait / 1000)))
        }
        if kiosk.isTouching { return 50 }
        let seconds = Date().timeIntervalSince1970
        let untilMinute = 60 - seconds.truncatingRemainder(dividingBy: 60)
        let untilSync = Double(sync.waitMicros(now: Self.monotonicMicros()) ?? UInt64.max / 2)
        // Just past the deadline, so the next update finds the timeout over.
        let untilDark = power.idleDeadline(at: Date()).map { max(0, $0.timeIntervalSinceNow) }
        return Int32(
            min(
                60_000, untilMinute * 1000 + 5, untilSync / 1000 + 1,
                untilDark.map { $0 * 1000 + 5 } ?? .infinity))
    }

    /// Something changed, or a frame met a busy CRTC and waits for a retry.
    private var hasFrameToDraw: Bool { kiosk.needsDrawing || display.hasUnshownFrame }

    /// Draws the kiosk's changes into the display's next frame and shows it.
    private func drawFrame() {
        if pendingLivePicture { try? writeLivePicture() }
        guard !display.isFlipPending, hasFrameToDraw else { return }
        do {
            try display.drawFrame { kiosk.draw(on: $0) }
            try writeLivePicture()
        } catch {
            // The display keeps the frame; the next change shows it.
            Log.warning("frame not shown; it waits for the next one", ["error": "\(error)"])
        }
    }

    private var lastLivePicture: UInt64 = 0
    private var pendingLivePicture = false

    /// Keeps the headless display's picture file current, at most twice a second.
    private func writeLivePicture() throws {
        guard let url = kiosk.config.livePicture, let headless = display as? HeadlessDisplay
        else { return }
        let now = Self.monotonicMicros()
        guard lastLivePicture == 0 || now - lastLivePicture > 500_000 else {
            pendingLivePicture = true
            return
        }
        lastLivePicture = now
        pendingLivePicture = false
        let temporary = url.path + ".tmp"
        try headless.picture.writePNG(to: temporary)
        _ = rename(temporary, url.path)
    }

    private func frameDone() {
        if kiosk.isAnimating { kiosk.tick(now: Self.monotonicMicros()) }
        drawFrame()
    }

    private func handle(_ outcome: SyncAgent.Outcome?) {
        guard let outcome else { return }
        if outcome.storeChanged { kiosk.contentChanged() }
        if let online = outcome.online { kiosk.setOffline(!online) }
    }

}

extension InputEvent {
    /// The same event, `offset` microseconds later.
    func shifted(by offset: UInt64) -> InputEvent {
        switch self {
        case .touchDown(let slot, let x, let y, let time):
            .touchDown(slot: slot, x: x, y: y, time: time + offset)
        case .touchMotion(let slot, let x, let y, let time):
            .touchMotion(slot: slot, x: x, y: y, time: time + offset)
        case .touchUp(let slot, let time): .touchUp(slot: slot, time: time + offset)
        case .touchCancel(let slot, let time): .touchCancel(slot: slot, time: time + offset)
        case .touchFrame(let time): .touchFrame(time: time + offset)
        case .key(let code, let pressed, let time):
            .key(code: code, pressed: pressed, time: time + offset)
        case .text(let text, let time): .text(text, time: time + offset)
        case .deviceAdded, .deviceRemoved: self
        }
    }
}
