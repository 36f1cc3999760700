import FoundationEssentials
import PrikbordGraphics
import PrikbordLog
import PrikbordModel
import PrikbordPluginSDK
import PrikbordStore
import PrikbordUI

/// The plugins' view of the kiosk's store: queries that never throw, and
/// photos decoded off the UI thread (``PhotoDecoder``) and kept in a small
/// cache.
///
/// A failing query is logged once per kind and answers with nothing, so a
/// damaged store shows calm empty screens instead of an error.
@MainActor
final class StoreData: KioskData {
    private var store: Store
    private let siteID: String?
    private let clock: () -> Date
    private var failures: Set<String> = []
    /// Decoded images by hash and decode scale, oldest use first out.
    private var images: [String: (image: Image, lastUse: Int)] = [:]
    private var imageUses = 0
    private var undecodable: Set<String> = []
    /// Keys (hash and decode size) being decoded.
    private var decoding: Set<String> = []
    /// Photos asked for while the decoder was busy, newest last.
    private var queued: [(key: String, sha256: String, step: Int)] = []
    /// Whether a stored blob looks like a picture, by hash.
    private var readable: [String: Bool] = [:]
    let decoder: PhotoDecoder
    private(set) var site: Site?

    /// Photos handed to the decoder and not yet taken back. One at a time:
    /// a decoded post photo is 3.7 MB until it is scaled, and a fling asks
    /// for many; the rest wait in `queued`, newest first out.
    static let decodesAtOnce = 1
    /// Photos waiting to be decoded at most: more than one screen shows
    /// (the landscape directory has about 40 faces). During a long fling
    /// the oldest requests go; a block still in view asks again when the
    /// next photo's arrival repaints it.
    static let queuedLimit = 64

    /// Pixels kept at most, decoded photos and their scaled copies together:
    /// 8 MB, the photos of a screen (three post photos in portrait are 1.7 M
    /// pixels) and the faces on it. A photo scrolled back into view after
    /// that is decoded again, off the UI thread.
    static let imagePixelBudget = 2_000_000

    init(store: Store, siteID: String?, clock: @escaping () -> Date) throws {
        decoder = try PhotoDecoder()
        self.store = store
        self.siteID = siteID
        self.clock = clock
        refresh()
    }

    /// Reads from `replacement` from now on (the file at the store's path
    /// changed); what was learnt of the old file's photos is forgotten.
    func read(from replacement: Store) {
        store = replacement
        images.removeAll()
        undecodable.removeAll()
        queued.removeAll()
        refresh()
    }

    /// Re-reads what may have changed with a sync.
    func refresh() {
        site =
            attempt("site") {
                if let siteID { return try store.site(id: siteID) }
                return try store.sites().first
            } ?? nil
        // A photo missing before may have come with this sync. One that did
        // not decode stays known: blobs are named by their SHA-256, so the
        // same name holds the same bytes, and a new photo gets a new name.
        readable.removeAll()
    }

    private var effectiveSiteID: String? { siteID ?? site?.id }

    private func attempt<T>(_ what: String, _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch {
            if failures.insert(what).inserted {
                Log.error(
                    "store query failed; the screen shows nothing",
                    ["store.query": what, "error": "\(error)"])
            }
            return nil
        }
    }

    func sites() -> [Site] {
        attempt("sites") { try store.sites() } ?? []
    }

    func newsFeed(limit: Int) -> [Post] {
        attempt("news") { try store.newsFeed(siteID: effectiveSiteID, now: clock(), limit: limit) }
            ?? []
    }

    func people() -> [Person] {
        attempt("people") { try store.people(siteID: nil) } ?? []
    }

    func person(id: String) -> Person? {
        attempt("person") { try store.person(id: id) } ?? nil
    }

    func events(from: Date, until: Date) -> [Event] {
        attempt("events") { try store.events(siteID: effectiveSiteID, from: from, until: until) }
            ?? []
    }

    func onboardingSections() -> [OnboardingSection] {
        attempt("onboarding") { try store.onboardingSections(siteID: effectiveSiteID) } ?? []
    }

    func onboardingSteps(sectionID: String) -> [OnboardingStep] {
        attempt("onboarding steps") { try store.onboardingSteps(sectionID: sectionID) } ?? []
    }

    func hasImage(_ sha256: String) -> Bool {
        guard !undecodable.contains(sha256) else { return false }
        if let known = readable[sha256] { return known }
        let data = attempt("blob", { try store.blob(sha256) }) ?? nil
        let known = data.map { Image.looksDecodable($0) } ?? false
        readable[sha256] = known
        return known
    }

    func image(_ sha256: String, atLeast side: Int) -> Image? {
        // Photos are decoded at a power-of-two fraction of their size; sizes
        // are rounded up to a step so nearby uses share one decoded copy.
        let step = [48, 96, 192, 384, 768].first { side <= $0 } ?? side
        let key = "\(sha256)/\(step)"
        imageUses += 1
        if let cached = images[key] {
            images[key]?.lastUse = imageUses
            return cached.image
        }
        guard !undecodable.contains(sha256) else { return nil }
        if !decoding.contains(key) {
            queued.removeAll { $0.key == key }
            queued.append((key, sha256, step))
            if queued.count > Self.queuedLimit { queued.removeFirst() }
            submitQueued()
        }
        PendingPictures.missed = true
        return nil
    }

    /// Photos asked for and not yet decoded (queued or being decoded).
    var photosOutstanding: Int { decoder.pending + queued.count }

    /// Hands the newest queued photos to the decoder while it has room.
    private func submitQueued() {
        while decoder.pending < Self.decodesAtOnce, let next = queued.popLast() {
            guard let data = attempt("blob", { try store.blob(next.sha256) }) ?? nil else {
                continue
            }
            decoding.insert(next.key)
            decoder.submit(key: next.key, sha256: next.sha256, data: data, atLeast: next.step)
        }
    }

    /// Takes the photos decoded since the last call; true when any arrived
    /// (or turned out undecodable), so waiting blocks should be repainted.
    func takeDecoded() -> Bool {
        let finished = decoder.takeFinished()
        for done in finished {
            decoding.remove(done.key)
            if let image = done.image {
                let (sha256, step) = (done.sha256, done.step)
                image.setReload { [weak self] in self?.decodeNow(sha256, atLeast: step) }
                images[done.key] = (image, imageUses)
            } else if undecodable.insert(done.sha256).inserted {
                Log.warning(
                    "image cannot be decoded; showing a placeholder",
                    ["blob.sha256": done.sha256, "error": done.error ?? "unknown"])
            }
        }
        trimImages()
        submitQueued()
        return !finished.isEmpty
    }

    /// A photo decoded on the UI thread, for the rare scaled copy of a size
    /// not made before (a photo whose decoded copy was released).
    private func decodeNow(_ sha256: String, atLeast side: Int) -> Image? {
        guard let data = attempt("blob", { try store.blob(sha256) }) ?? nil else { return nil }
        return try? Image.decode(data, atLeast: side)
    }

    /// Drops the least recently used photos until the rest fit the budget;
    /// the newest photo always stays.
    private func trimImages() {
        var pixels = images.values.reduce(0) { $0 + $1.image.residentPixels }
        while pixels > Self.imagePixelBudget, images.count > 1,
            let oldest = images.min(by: { $0.value.lastUse < $1.value.lastUse })
        {
            pixels -= oldest.value.image.residentPixels
            images[oldest.key] = nil
        }
    }
}
