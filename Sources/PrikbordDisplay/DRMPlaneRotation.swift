import CDRM

#if canImport(Glibc)
    import Glibc
#endif

/// The "rotation" property of the primary plane a CRTC scans out with, for
/// panels the hardware can turn itself.
///
/// The property is a bitmask of `rotate-0`, `rotate-90`, `rotate-180`,
/// `rotate-270` (counter-clockwise, in the kernel's words) and reflections;
/// a plane lists the values it takes. We use it for a half turn only: the
/// buffers keep the panel's size, and drivers that list `rotate-90` often
/// refuse it for linear buffers such as dumb ones (i915 wants Y tiling), and
/// would need the framebuffer in the turned size set in one atomic commit.
struct DRMPlaneRotation {
    let planeID: UInt32
    let propertyID: UInt32
    /// The property's bits by our rotation, for the values the plane takes.
    let supported: [Rotation: UInt64]

    /// The rotation property of the primary plane that can drive `crtcID`,
    /// when the card has one.
    static func find(fd: Int32, crtcID: UInt32) -> DRMPlaneRotation? {
        // Without this cap the primary plane is not listed at all.
        guard drmSetClientCap(fd, UInt64(DRM_CLIENT_CAP_UNIVERSAL_PLANES), 1) == 0,
            let crtcIndex = self.crtcIndex(fd: fd, crtcID: crtcID),
            let planes = drmModeGetPlaneResources(fd)
        else { return nil }
        defer { drmModeFreePlaneResources(planes) }

        for index in 0..<Int(planes.pointee.count_planes) {
            let planeID = planes.pointee.planes[index]
            guard let plane = drmModeGetPlane(fd, planeID) else { continue }
            let drives = plane.pointee.possible_crtcs & (1 << crtcIndex) != 0
            drmModeFreePlane(plane)
            guard drives else { continue }
            let properties = Properties(fd: fd, planeID: planeID)
            guard properties.value(named: "type") == UInt64(DRM_PLANE_TYPE_PRIMARY) else {
                continue
            }
            return properties.rotation().map {
                DRMPlaneRotation(planeID: planeID, propertyID: $0.id, supported: $0.values)
            }
        }
        return nil
    }

    /// Turns the plane; the kernel checks it against the framebuffer shown.
    func set(_ rotation: Rotation, fd: Int32, subject: String) throws(DisplayError) {
        guard let value = supported[rotation] else {
            throw .unsupported("\(subject): the plane cannot turn by \(rotation.rawValue)°")
        }
        try systemCall("drmModeObjectSetProperty(rotation)", on: subject) {
            drmModeObjectSetProperty(
                fd, planeID, UInt32(DRM_MODE_OBJECT_PLANE), propertyID, value)
        }
    }

    private static func crtcIndex(fd: Int32, crtcID: UInt32) -> UInt32? {
        guard let resources = drmModeGetResources(fd) else { return nil }
        defer { drmModeFreeResources(resources) }
        let crtcs = UnsafeBufferPointer(
            start: resources.pointee.crtcs, count: Int(resources.pointee.count_crtcs))
        return crtcs.firstIndex(of: crtcID).map { UInt32($0) }
    }

    /// A plane's properties, read once.
    private struct Properties {
        let fd: Int32
        let ids: [UInt32]
        let values: [UInt64]

        init(fd: Int32, planeID: UInt32) {
            self.fd = fd
            guard
                let list = drmModeObjectGetProperties(fd, planeID, UInt32(DRM_MODE_OBJECT_PLANE))
            else {
                (ids, values) = ([], [])
                return
            }
            defer { drmModeFreeObjectProperties(list) }
            let count = Int(list.pointee.count_props)
            ids = Array(UnsafeBufferPointer(start: list.pointee.props, count: count))
            values = Array(UnsafeBufferPointer(start: list.pointee.prop_values, count: count))
        }

        func value(named name: String) -> UInt64? {
            for (index, id) in ids.enumerated() {
                guard let property = drmModeGetProperty(fd, id) else { continue }
                defer { drmModeFreeProperty(property) }
                if Self.name(property.pointee.name) == name { return values[index] }
            }
            return nil
        }

        /// The "rotation" bitmask and the bit of each turn it lists.
        func rotation() -> (id: UInt32, values: [Rotation: UInt64])? {
            for id in ids {
                guard let property = drmModeGetProperty(fd, id) else { continue }
                defer { drmModeFreeProperty(property) }
                guard Self.name(property.pointee.name) == "rotation",
                    property.pointee.flags & UInt32(DRM_MODE_PROP_BITMASK) != 0
                else { continue }
                let enums = UnsafeBufferPointer(
                    start: property.pointee.enums, count: Int(property.pointee.count_enums))
                var values: [Rotation: UInt64] = [:]
                for entry in enums {
                    // Enum values of a bitmask property are bit numbers.
                    switch Self.name(entry.name) {
                    case "rotate-0": values[.none] = 1 << entry.value
                    case "rotate-180": values[.half] = 1 << entry.value
                    default: break
                    }
                }
                return (property.pointee.prop_id, values)
            }
            return nil
        }

        static func name<T>(_ chars: T) -> String {
            withUnsafeBytes(of: chars) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
    }
}
