import CDRM
import PrikbordLog

#if canImport(Glibc)
    import Glibc
#endif

extension DRMDisplay {
    /// Panel power through the connector's DPMS property. While off, frames
    /// are not shown; their damage waits for the panel to come back. While
    /// the seat is away the connector is not ours: `resume` applies it.
    public func setPowered(_ on: Bool) throws {
        guard output.dpmsPropertyID != nil else {
            throw DisplayError.unsupported("\(output.connectorName) has no DPMS property")
        }
        if !isPaused { try setDPMS(on) }
        isPowered = on
        Log.info(on ? "display on" : "display off", ["drm.connector": output.connectorName])
    }

    func setDPMS(_ on: Bool) throws {
        guard let property = output.dpmsPropertyID else { return }
        let value = UInt64(on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF)
        try systemCall("drmModeConnectorSetProperty(DPMS)", on: summary) {
            drmModeConnectorSetProperty(fd, output.connectorID, property, value)
        }
    }

    /// The seat was switched away: no more modesets or flips until `resume`.
    /// A flip still in flight will never be reported, so it is forgotten.
    /// Frames are still drawn into the buffers (they stay ours), not shown.
    public func pause() {
        // Whoever comes next may not set the plane's rotation itself.
        if turnsInHardware { try? planeRotation?.set(.none, fd: fd, subject: summary) }
        isPaused = true
        isFlipPending = false
        if ownsDescriptor { _ = drmDropMaster(fd) }
        Log.info("display paused", ["drm.connector": output.connectorName])
    }

    /// The seat is back: another master changed the CRTC (and the plane), so
    /// the next `drawFrame` sets the mode again and shows the whole frame
    /// whatever its damage.
    public func resume() throws {
        if ownsDescriptor {
            try systemCall("drmSetMaster", on: path) { drmSetMaster(fd) }
        }
        isPaused = false
        isFlipPending = false
        needsModeset = true
        chain.showEverythingNext()
        // The session we were away for may have lit the panel (the text
        // console does); a kiosk that was dark stays dark.
        if !isPowered { try setDPMS(false) }
        Log.info(
            "display resumed",
            ["drm.connector": output.connectorName, "display.on": "\(isPowered)"])
    }

    /// Re-reads the connector after udev reported a change on the card.
    /// Returns true when it was plugged in or out. A reconnected panel gets a
    /// modeset and a full repaint with the next present.
    @discardableResult
    public func reprobe() throws -> Bool {
        guard let connector = drmModeGetConnector(fd, output.connectorID) else {
            throw DisplayError.systemCall(
                name: "drmModeGetConnector", errno: errno, subject: summary
            )
        }
        defer { drmModeFreeConnector(connector) }
        let connected =
            connector.pointee.connection == DRM_MODE_CONNECTED
            && connector.pointee.count_modes > 0
        guard connected != isConnected else { return false }

        isConnected = connected
        if connected {
            let mode = DRMProbe.preferredMode(connector.pointee)
            // TODO: a panel back with another size needs new dumb buffers and UI size.
            // Until then the old mode is driven, which the kernel rejects if unsupported.
            if mode.hdisplay != output.mode.hdisplay || mode.vdisplay != output.mode.vdisplay {
                Log.warning(
                    "reconnected panel prefers another mode; keeping the old one",
                    [
                        "drm.connector": output.connectorName, "drm.mode": DRMProbe.modeName(mode),
                    ])
            }
            needsModeset = true
            isFlipPending = false
            chain.showEverythingNext()
        }
        // TODO: a panel on another connector of the card needs a full probe and a new output.
        Log.info(
            connected ? "connector plugged in" : "connector unplugged",
            [
                "drm.connector": output.connectorName
            ])
        return true
    }
}
