import FoundationEssentials
import Glibc
import PrikbordDisplay
import PrikbordInput
import PrikbordLog

/// The `prikbord` program.
@MainActor
public enum KioskMain {
    public static func run(arguments: [String]) -> Int32 {
        let config: KioskConfig
        do {
            config = try KioskConfig.parse(arguments)
        } catch {
            let text = "\(error)"
            var bytes = Array((text + "\n").utf8)
            _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
            return text == KioskConfig.usage ? 0 : 2
        }
        // Check what can be checked before syncing or opening a screen.
        let unknown = config.screens.filter { PluginCatalog.plugin(id: $0) == nil }
        guard unknown.isEmpty, !config.screens.isEmpty else {
            let known = PluginCatalog.all.map { $0.id }.joined(separator: ", ")
            Log.error(
                "--screens names unknown screens",
                ["screens": unknown.joined(separator: ","), "known": known])
            return 2
        }
        var script: [InputEvent] = []
        if let file = config.inputScript {
            do {
                script = try ScriptedInput.load(path: file.path)
            } catch {
                Log.error("input script cannot be read", ["file": file.path, "error": "\(error)"])
                return 2
            }
        }
        if config.screenshots != nil {
            return Screenshots.run(config: config, script: script)
        }
        return interactive(config: config, script: script)
    }

    private static func interactive(config: KioskConfig, script: [InputEvent]) -> Int32 {
        // One seat for the card and the input devices, so both are handed
        // over (and taken back on a VT switch) together.
        // Before the seat and the wait for a card: a stop then is a clean one.
        StopSignal.install()
        let seat = DisplayBringUp.wantsSeat(config: config) ? Seat.openIfAvailable() : nil
        let display: Display
        let seatDevice: DisplayBringUp.SeatDevice?
        do {
            (display, seatDevice) = try DisplayBringUp.open(config: config, seat: seat)
        } catch is DisplayBringUp.StoppedWaiting {
            Log.info("kiosk stopping", ["kiosk.reason": "stopped while waiting for a display"])
            return 0
        } catch {
            Log.error("no display can be opened", ["error": "\(error)"])
            return 1
        }
        Log.info("display chosen", ["display": display.summary, "seat": seat?.name ?? "none"])

        let kiosk: Kiosk
        do {
            kiosk = try Kiosk(config: config, width: display.width, height: display.height)
        } catch {
            Log.error("kiosk cannot start", ["error": "\(error)"])
            return 1
        }

        let input = openInput(config: config, display: display, seat: seat)
        let loop = KioskRunLoop(
            kiosk: kiosk, display: display, input: input, sync: SyncAgent(config: config))
        if !script.isEmpty { loop.schedule(script: script) }
        let status = loop.run()
        kiosk.close()
        withExtendedLifetime(seatDevice) {}
        return status
    }

    private static func openInput(config: KioskConfig, display: Display, seat: Seat?)
        -> LibinputSource?
    {
        // A headless kiosk is a picture for tests and demos: the machine's
        // own keyboard and mouse are not its input.
        if display is HeadlessDisplay {
            Log.info("headless display: no input devices read; --input-script replays touch")
            return nil
        }
        // The display reports its logical size; touch maps onto the panel
        // as mounted, so give the geometry the panel's own size.
        let rotation = InputGeometry.Rotation(rawValue: config.rotation) ?? .none
        let quarterTurn = rotation == .quarter || rotation == .threeQuarters
        let geometry = InputGeometry(
            panelWidth: quarterTurn ? display.height : display.width,
            panelHeight: quarterTurn ? display.width : display.height,
            rotation: rotation,
            calibration: config.calibration.map(InputGeometry.Calibration.init) ?? .identity
        )
        do {
            return try LibinputSource(geometry: geometry, seat: seat)
        } catch {
            Log.warning("no touch input; the kiosk shows content only", ["error": "\(error)"])
            return nil
        }
    }
}
