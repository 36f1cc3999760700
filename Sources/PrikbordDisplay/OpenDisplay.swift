import PrikbordLog

/// Which display to open.
public enum DisplayRequest: Sendable {
    /// DRM, then fbdev, then headless: the first that works.
    case automatic
    /// A DRM card by path, or every `/dev/dri/card*` when nil.
    case drm(String?)
    /// A framebuffer device by path, `/dev/fb0` when nil.
    case fbdev(String?)
    case headless
}

/// Opens the display `request` names and logs the choice.
///
/// `.automatic` never fails: with no usable card and no framebuffer the kiosk
/// runs headless at `headlessWidth` × `headlessHeight`, and the log says why.
/// Explicit requests throw when their device cannot be used.
public func openDisplay(
    _ request: DisplayRequest, headlessWidth: Int, headlessHeight: Int,
    rotation: Rotation
) throws -> Display {
    let display: Display
    switch request {
    case .drm(let path):
        // At boot the card may appear after us: the kiosk retries until one
        // does (DisplayBringUp), so this fails at once.
        display = try DRMDisplay(path: path, rotation: rotation)
    case .fbdev(let path):
        display = try FBDevDisplay(path: path ?? "/dev/fb0", rotation: rotation)
    case .headless:
        display = HeadlessDisplay(width: headlessWidth, height: headlessHeight, rotation: rotation)
    case .automatic:
        display = automaticDisplay(headlessWidth, headlessHeight, rotation)
    }
    Log.info("display opened", ["display.summary": display.summary])
    return display
}

private func automaticDisplay(_ width: Int, _ height: Int, _ rotation: Rotation) -> Display {
    do {
        return try DRMDisplay(rotation: rotation)
    } catch {
        Log.info("no DRM display, trying fbdev", ["display.reason": "\(error)"])
    }
    do {
        return try FBDevDisplay(rotation: rotation)
    } catch {
        Log.info("no fbdev display, running headless", ["display.reason": "\(error)"])
    }
    return HeadlessDisplay(width: width, height: height, rotation: rotation)
}
