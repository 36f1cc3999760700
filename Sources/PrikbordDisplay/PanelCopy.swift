import PrikbordGraphics

#if canImport(Glibc)
    import Glibc
#endif

/// How the panel's memory stores a pixel.
public enum PixelFormat: Sendable, Equatable {
    /// 32 bits, 0xXXRRGGBB: what DRM dumb buffers and our surfaces use.
    case xrgb8888
    /// 32 bits, 0xXXBBGGRR: some fbdev drivers.
    case xbgr8888
    /// 16 bits, 5-6-5.
    case rgb565

    var bytesPerPixel: Int { self == .rgb565 ? 2 : 4 }
}

/// Scan-out memory the display copies finished frames into; not owned.
struct PanelMemory {
    let base: UnsafeMutableRawPointer
    let width: Int
    let height: Int
    let stride: Int
    let format: PixelFormat
}

/// Copies logical regions of a frame to a panel mounted at `rotation`.
///
/// The unrotated XRGB case is a `memcpy` per row, since it is the one a kiosk
/// in landscape runs every frame; the others are plain per-pixel loops.
enum PanelCopy {
    static func copy(
        _ regions: [Rect], from frame: Surface, to panel: PanelMemory, rotation: Rotation
    ) {
        let frameBounds = Rect(x: 0, y: 0, width: frame.width, height: frame.height)
        let sourceStride = frame.stride
        frame.withUnsafeMutableBytes { source in
            guard let sourceBase = source.baseAddress else { return }
            for region in regions {
                let rect = region.intersection(frameBounds)
                guard !rect.isEmpty else { continue }
                if rotation == .none && panel.format == .xrgb8888 {
                    copyRows(rect, sourceBase, sourceStride, panel)
                } else if panel.format == .xrgb8888, fits(frame, panel, rotation) {
                    copyRotatedTiles(rect, sourceBase, sourceStride, frame, panel, rotation)
                } else {
                    copyPixels(rect, sourceBase, sourceStride, frame, panel, rotation)
                }
            }
        }
    }

    /// Copies `regions` from one XRGB buffer into another of the same size,
    /// in place: a back buffer catching up with the front one.
    static func copy(_ regions: [Rect], from source: PanelMemory, to target: PanelMemory) {
        precondition(
            source.format == .xrgb8888 && target.format == .xrgb8888,
            "buffer to buffer copy of \(source.format) into \(target.format)")
        let bounds = Rect(
            x: 0, y: 0, width: min(source.width, target.width),
            height: min(source.height, target.height))
        for region in regions {
            let rect = region.intersection(bounds)
            guard !rect.isEmpty else { continue }
            copyRows(rect, source.base, source.stride, target)
        }
    }

    private static func copyRows(
        _ rect: Rect, _ source: UnsafeMutableRawPointer, _ sourceStride: Int,
        _ panel: PanelMemory
    ) {
        let width = min(rect.maxX, panel.width) - rect.minX
        guard width > 0 else { return }
        for y in rect.minY..<min(rect.maxY, panel.height) {
            memcpy(
                panel.base + y * panel.stride + rect.minX * 4,
                source + y * sourceStride + rect.minX * 4,
                width * 4
            )
        }
    }

    /// Whether the rotated frame covers the panel exactly, so every target
    /// pixel is inside it without a check per pixel.
    private static func fits(_ frame: Surface, _ panel: PanelMemory, _ rotation: Rotation) -> Bool {
        let turned = rotation == .quarter || rotation == .threeQuarters
        return (turned ? frame.height : frame.width) <= panel.width
            && (turned ? frame.width : frame.height) <= panel.height
    }

    /// Side of the square tiles a rotated copy walks, so that both the rows
    /// read and the columns written stay in cache.
    static let tile = 32

    /// A rotated XRGB copy: tile by tile, each source row written down a
    /// panel column (or along a reversed row) with pointer steps only.
    private static func copyRotatedTiles(
        _ rect: Rect, _ source: UnsafeMutableRawPointer, _ sourceStride: Int,
        _ frame: Surface, _ panel: PanelMemory, _ rotation: Rotation
    ) {
        let panelPixels = panel.stride / 4
        let target = panel.base.assumingMemoryBound(to: UInt32.self)
        var tileY = rect.minY
        while tileY < rect.maxY {
            let tileBottom = min(tileY + tile, rect.maxY)
            var tileX = rect.minX
            while tileX < rect.maxX {
                let tileRight = min(tileX + tile, rect.maxX)
                for y in tileY..<tileBottom {
                    let row = (source + y * sourceStride).assumingMemoryBound(to: UInt32.self)
                    let first = rotation.panelPoint(
                        x: tileX, y: y, logicalWidth: frame.width, logicalHeight: frame.height)
                    // One logical step right moves this far in the panel.
                    let step: Int
                    switch rotation {
                    case .none: step = 1
                    case .quarter: step = panelPixels
                    case .half: step = -1
                    case .threeQuarters: step = -panelPixels
                    }
                    var index = first.y * panelPixels + first.x
                    for x in tileX..<tileRight {
                        target[index] = row[x]
                        index += step
                    }
                }
                tileX = tileRight
            }
            tileY = tileBottom
        }
    }

    private static func copyPixels(
        _ rect: Rect, _ source: UnsafeMutableRawPointer, _ sourceStride: Int,
        _ frame: Surface, _ panel: PanelMemory, _ rotation: Rotation
    ) {
        for y in rect.minY..<rect.maxY {
            let row = (source + y * sourceStride).assumingMemoryBound(to: UInt32.self)
            for x in rect.minX..<rect.maxX {
                let target = rotation.panelPoint(
                    x: x, y: y, logicalWidth: frame.width, logicalHeight: frame.height
                )
                guard target.x < panel.width, target.y < panel.height else { continue }
                store(row[x], at: target, in: panel)
            }
        }
    }

    @inline(__always)
    private static func store(
        _ pixel: UInt32, at point: (x: Int, y: Int), in panel: PanelMemory
    ) {
        let address = panel.base + point.y * panel.stride + point.x * panel.format.bytesPerPixel
        switch panel.format {
        case .xrgb8888:
            address.storeBytes(of: pixel, as: UInt32.self)
        case .xbgr8888:
            let swapped = (pixel & 0xff00_ff00) | (pixel & 0xff) << 16 | (pixel >> 16) & 0xff
            address.storeBytes(of: swapped, as: UInt32.self)
        case .rgb565:
            let red = (pixel >> 19) & 0x1f
            let green = (pixel >> 10) & 0x3f
            let blue = (pixel >> 3) & 0x1f
            address.storeBytes(of: UInt16(red << 11 | green << 5 | blue), as: UInt16.self)
        }
    }
}
