import CPixman
import FoundationEssentials

/// A decoded photo — a face in the directory, a picture on a post — held as
/// premultiplied ARGB.
///
/// Drawing it at a size scales it once, with a smooth filter, and keeps that
/// copy, so a list scrolling past the same photo only blends it.
public final class Image {
    public let width: Int
    public let height: Int

    /// The decoded photo; once a reload is set it is dropped as soon as a
    /// scaled copy is made, and decoded again by `reload` when another size
    /// is asked for.
    private var pixels: PixmanImage?
    private var reload: (() -> PixmanImage?)?
    private var variants: [ImageVariant.Key: PixmanImage] = [:]
    private var variantOrder: [ImageVariant.Key] = []

    /// Sizes (and shapes) kept ready per photo.
    private static let variantLimit = 4

    init(pixels: PixmanImage) {
        self.pixels = pixels
        width = pixels.width
        height = pixels.height
    }

    /// Decodes PNG or JPEG, told apart by their signatures.
    /// Throws `ImageError` for other or damaged data; never traps on bad input.
    ///
    /// With `atLeast`, a JPEG may be decoded smaller, as long as its shorter
    /// side keeps that many pixels (PNGs are always decoded whole). A photo
    /// that would hold more than 2048×2048 pixels decoded is refused as too
    /// large.
    public static func decode(_ data: Data, atLeast side: Int? = nil) throws -> Image {
        let limit = ImageLimits.maxPhotoPixels
        if data.starts(with: PNGCodec.signature) {
            let straight = try PNGCodec.decode(data, maxPixels: limit)
            premultiply(straight)
            return Image(pixels: straight)
        }
        if data.starts(with: JPEGDecoder.signature) {
            return Image(
                pixels: try JPEGDecoder().decode(data, atLeast: side, maxPixels: limit))
        }
        let head = data.prefix(4).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }
            .joined(separator: " ")
        throw ImageError(
            .unknownFormat, format: "image",
            reason: "\(data.count) bytes starting \(head.isEmpty ? "(empty)" : head)")
    }

    /// Whether `data` starts like a PNG or a JPEG: cheap, for deciding
    /// layout before the photo is decoded.
    public static func looksDecodable(_ data: Data) -> Bool {
        data.starts(with: PNGCodec.signature) || data.starts(with: JPEGDecoder.signature)
    }

    /// Pixels this photo holds: the decoded copy (while kept) and every
    /// scaled one.
    public var residentPixels: Int {
        variants.values.reduce(pixels == nil ? 0 : width * height) { $0 + $1.width * $1.height }
    }

    /// Says how to decode the photo again. From then on the decoded copy is
    /// kept only until a scaled copy is made: a photo on a card is drawn at
    /// one size, and its decoded copy is the bigger one (a full 1280×720
    /// photo is 3.7 MB, its copy on a portrait card 2.3 MB).
    public func setReload(_ reload: @escaping () -> Image?) {
        self.reload = { reload()?.pixels }
        if !variants.isEmpty { pixels = nil }
    }

    /// Reads and decodes a PNG or JPEG file.
    public static func load(path: String) throws -> Image {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ImageError(.io, format: "image", reason: "\(error)", path: path)
        }
        return try ImageError.naming(path) { try decode(data) }
    }

    /// The photo scaled and shaped for `key`, made on first use.
    func variant(_ key: ImageVariant.Key) -> PixmanImage {
        if let ready = variants[key] { return ready }
        if variantOrder.count >= Image.variantLimit {
            variants[variantOrder.removeFirst()] = nil
        }
        if pixels == nil { pixels = reload?() }
        // A reload that fails (the blob went away) leaves a clear square
        // rather than a crash.
        let made =
            pixels.map { ImageVariant.make(from: $0, key) }
            ?? PixmanImage(format: PIXMAN_a8r8g8b8, width: key.width, height: key.height)
        variants[key] = made
        variantOrder.append(key)
        if reload != nil { pixels = nil }
        return made
    }

    /// libpng hands out straight alpha; pixman composites premultiplied.
    private static func premultiply(_ image: PixmanImage) {
        image.withBits { bits in
            for y in 0..<image.height {
                let row = (bits + y * image.stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<image.width {
                    let word = row[x]
                    let alpha = word >> 24
                    guard alpha < 255 else { continue }
                    func channel(_ shift: UInt32) -> UInt32 {
                        (((word >> shift) & 0xFF) * alpha + 127) / 255 << shift
                    }
                    row[x] = alpha << 24 | channel(16) | channel(8) | channel(0)
                }
            }
        }
    }
}
