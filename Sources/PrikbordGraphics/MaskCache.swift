import FoundationEssentials
import Synchronization

/// Which shape a cached mask holds, with every size that shapes it.
enum MaskKey: Hashable {
    case disc(diameter: Int)
    case ring(diameter: Int, lineWidth: Int)
    case roundedRect(width: Int, height: Int, radius: Int)
    case shadow(width: Int, height: Int, radius: Int, blur: Int)
    /// One row or column through the middle of a shadow template, to tile.
    case shadowEdge(edge: Int, radius: Int, blur: Int)
}

/// Masks shared by every surface, least recently used ones dropped first.
///
/// The kiosk draws from one thread; the lock only keeps tests that run in parallel
/// honest.
final class MaskCache: @unchecked Sendable {
    static let shared = MaskCache(limit: 256)

    private let limit: Int
    private let lock = Mutex(())
    private var entries: [MaskKey: (mask: PixmanImage, used: UInt64)] = [:]
    private var clock: UInt64 = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// The mask for `key`, made by `make` the first time.
    func mask(_ key: MaskKey, make: () -> PixmanImage) -> PixmanImage {
        // The mask stays in the cache too, so it cannot be handed out as
        // `sending`; the lock still orders every access to `entries`.
        nonisolated(unsafe) var found: PixmanImage?
        lock.withLock { _ in found = cachedMask(key, make: make) }
        return found!
    }

    private func cachedMask(_ key: MaskKey, make: () -> PixmanImage) -> PixmanImage {
        clock += 1
        if let hit = entries[key] {
            entries[key] = (hit.mask, clock)
            return hit.mask
        }
        let mask = make()
        if entries.count >= limit { evictOldestHalf() }
        entries[key] = (mask, clock)
        return mask
    }

    private func evictOldestHalf() {
        let ages = entries.values.map(\.used).sorted()
        let cutoff = ages[ages.count / 2]
        entries = entries.filter { $0.value.used > cutoff }
    }
}
