import CDRM

#if canImport(Glibc)
    import Glibc
#endif

/// The connector, mode and CRTC a DRM display drives.
struct DRMOutput {
    let connectorID: UInt32
    let connectorName: String
    let mode: drmModeModeInfo
    let crtcID: UInt32
    /// The connector's "DPMS" property, when it has one.
    let dpmsPropertyID: UInt32?

    var width: Int { Int(mode.hdisplay) }
    var height: Int { Int(mode.vdisplay) }
    var refreshRate: Int { Int(mode.vrefresh) }
}

/// Finding a card that can show a picture, without assuming it is card0.
public enum DRMProbe {
    /// `/dev/dri/card*`, in numeric order.
    public static func cardPaths(in directory: String = "/dev/dri") -> [String] {
        guard let names = try? FileManagerLite.contents(of: directory) else { return [] }
        let numbers = names.compactMap { name -> Int? in
            name.hasPrefix("card") ? Int(name.dropFirst(4)) : nil
        }
        return numbers.sorted().map { "\(directory)/card\($0)" }
    }

    /// The first connected connector of the card open on `fd` with a mode and
    /// a CRTC it can use; throws when the card has no dumb buffers or nothing
    /// is connected.
    static func findOutput(fd: Int32, path: String) throws(DisplayError) -> DRMOutput {
        var dumb: UInt64 = 0
        try systemCall("drmGetCap(DRM_CAP_DUMB_BUFFER)", on: path) {
            drmGetCap(fd, UInt64(DRM_CAP_DUMB_BUFFER), &dumb)
        }
        guard dumb != 0 else { throw .unsupported("\(path) has no dumb buffers") }

        guard let resources = drmModeGetResources(fd) else {
            throw .systemCall(name: "drmModeGetResources", errno: errno, subject: path)
        }
        defer { drmModeFreeResources(resources) }
        let res = resources.pointee

        for index in 0..<Int(res.count_connectors) {
            guard let connector = drmModeGetConnector(fd, res.connectors[index]) else { continue }
            defer { drmModeFreeConnector(connector) }
            let c = connector.pointee
            guard c.connection == DRM_MODE_CONNECTED, c.count_modes > 0 else { continue }
            guard let crtc = findCRTC(fd: fd, connector: c, resources: res) else { continue }
            return DRMOutput(
                connectorID: c.connector_id,
                connectorName: connectorName(c),
                mode: preferredMode(c),
                crtcID: crtc,
                dpmsPropertyID: propertyID(fd: fd, connector: c.connector_id, named: "DPMS")
            )
        }
        throw .noDevice("\(path) has no connected connector with a mode and a free CRTC")
    }

    /// The mode the panel prefers, or its first when none is marked.
    static func preferredMode(_ connector: drmModeConnector) -> drmModeModeInfo {
        let modes = UnsafeBufferPointer(start: connector.modes, count: Int(connector.count_modes))
        return modes.first { $0.type & UInt32(DRM_MODE_TYPE_PREFERRED) != 0 } ?? modes[0]
    }

    /// The CRTC the connector's encoder drives now, or the first one an
    /// encoder of the connector can drive.
    static func findCRTC(
        fd: Int32, connector: drmModeConnector, resources: drmModeRes
    ) -> UInt32? {
        if connector.encoder_id != 0, let encoder = drmModeGetEncoder(fd, connector.encoder_id) {
            defer { drmModeFreeEncoder(encoder) }
            if encoder.pointee.crtc_id != 0 { return encoder.pointee.crtc_id }
        }
        for e in 0..<Int(connector.count_encoders) {
            guard let encoder = drmModeGetEncoder(fd, connector.encoders[e]) else { continue }
            defer { drmModeFreeEncoder(encoder) }
            for i in 0..<Int(resources.count_crtcs)
            where encoder.pointee.possible_crtcs & (1 << UInt32(i)) != 0 {
                return resources.crtcs[i]
            }
        }
        return nil
    }

    static func connectorName(_ connector: drmModeConnector) -> String {
        let type =
            drmModeGetConnectorTypeName(connector.connector_type)
            .map { String(cString: $0) } ?? "Unknown"
        return "\(type)-\(connector.connector_type_id)"
    }

    static func propertyID(fd: Int32, connector: UInt32, named name: String) -> UInt32? {
        let kind = UInt32(DRM_MODE_OBJECT_CONNECTOR)
        guard let properties = drmModeObjectGetProperties(fd, connector, kind) else { return nil }
        defer { drmModeFreeObjectProperties(properties) }
        for index in 0..<Int(properties.pointee.count_props) {
            guard let property = drmModeGetProperty(fd, properties.pointee.props[index]) else {
                continue
            }
            defer { drmModeFreeProperty(property) }
            let found = withUnsafeBytes(of: property.pointee.name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if found == name { return property.pointee.prop_id }
        }
        return nil
    }

    /// A `DRM_CAP_*` value of the card, 0 when the kernel does not know it.
    static func capability(fd: Int32, _ capability: Int32) -> UInt64 {
        var value: UInt64 = 0
        return drmGetCap(fd, UInt64(capability), &value) == 0 ? value : 0
    }

    static func modeName(_ mode: drmModeModeInfo) -> String {
        "\(mode.hdisplay)x\(mode.vdisplay)@\(mode.vrefresh)"
    }
}

/// Directory listing without Foundation's FileManager (not needed elsewhere).
enum FileManagerLite {
    static func contents(of directory: String) throws(DisplayError) -> [String] {
        guard let dir = opendir(directory) else {
            throw .systemCall(name: "opendir", errno: errno, subject: directory)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
