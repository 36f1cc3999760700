import FoundationEssentials
import Glibc

extension Surface {
    /// Copies `rect` from a surface of the same size into the same place here —
    /// how a finished frame's damage is carried into a stale buffer.
    public func copy(_ rect: Rect, from other: Surface) {
        precondition(
            other.width == width && other.height == height,
            "copy between \(other.width)x\(other.height) and \(width)x\(height)")
        let area = rect.intersection(drawable)
        guard !area.isEmpty, other !== self else { return }
        let rowBytes = area.width * 4
        other.withUnsafeMutableBytes { source in
            withUnsafeMutableBytes { target in
                for y in area.minY..<area.maxY {
                    memcpy(
                        target.baseAddress! + y * stride + area.x * 4,
                        source.baseAddress! + y * other.stride + area.x * 4,
                        rowBytes)
                }
            }
        }
    }

    /// Moves the pixels inside `rect` by `dy` rows (down when positive) — blit
    /// scrolling. The strip the move uncovers keeps its old pixels for the caller
    /// to redraw; pixels pushed past the edge of `rect` are gone.
    public func shift(_ rect: Rect, dy: Int) {
        let area = rect.intersection(drawable)
        guard dy != 0, !area.isEmpty, abs(dy) < area.height else { return }
        let rowBytes = area.width * 4
        let moved = area.height - abs(dy)
        withUnsafeMutableBytes { pixels in
            let base = pixels.baseAddress! + area.x * 4
            func move(_ from: Int) {
                memmove(base + (from + dy) * stride, base + from * stride, rowBytes)
            }
            // Walk against the direction of travel so no row is read after it was
            // overwritten.
            if dy > 0 {
                for from in Swift.stride(from: area.minY + moved - 1, through: area.minY, by: -1) {
                    move(from)
                }
            } else {
                for from in area.minY - dy..<area.maxY { move(from) }
            }
        }
    }
}
