import FoundationEssentials
import PrikbordGraphics
import PrikbordLog
import PrikbordModel
import PrikbordPluginSDK
import PrikbordStore

/// The plugins' view of the kiosk's store: queries that never throw, and
/// decoded images kept in a small cache.
///
/// A failing query is logged once per kind and answers with nothing, so a
/// damaged store shows calm empty screens instead of an error.
@MainActor
final class StoreData: KioskData {
    private let store: Store
    private let siteID: String?
    private let clock: () -> Date
    private var failures: Set<String> = []
    /// Decoded images by hash and decode scale, oldest use first out.
    private var images: [String: (image: Image, lastUse: Int)] = [:]
    private var imageUses = 0
    private var imagePixels = 0
    private var undecodable: Set<String> = []
    private(set) var site: Site?

    /// Decoded pixels kept at most: about 16 MB of photos and images.
    static let imagePixelBudget = 4_000_000

    init(store: Store, siteID: String?, clock: @escaping () -> Date) {
        self.store = store
        self.siteID = siteID
        self.clock = clock
        refresh()
    }

    /// Re-reads what may have changed with a sync.
    func refresh() {
        site =
            attempt("site") {
                if let siteID { return try store.site(id: siteID) }
                return try store.sites().first
            } ?? nil
        // A photo that failed to decode may have been replaced.
        undecodable.removeAll()
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
        guard let data = attempt("blob", { try store.blob(sha256) }) ?? nil else { return nil }
        do {
            let image = try Image.decode(data, atLeast: step)
            remember(image, as: key)
            return image
        } catch {
            undecodable.insert(sha256)
            Log.warning(
                "image cannot be decoded; showing a placeholder",
                ["blob.sha256": sha256, "error": "\(error)"])
            return nil
        }
    }

    private func remember(_ image: Image, as key: String) {
        imagePixels += image.width * image.height
        images[key] = (image, imageUses)
        while imagePixels > Self.imagePixelBudget, images.count > 1,
            let oldest = images.min(by: { $0.value.lastUse < $1.value.lastUse })
        {
            imagePixels -= oldest.value.image.width * oldest.value.image.height
            images[oldest.key] = nil
        }
    }
}
