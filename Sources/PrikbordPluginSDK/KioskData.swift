import FoundationEssentials

/// What a plugin may read from the kiosk's store.
///
/// Reads never throw: the host logs a failing query once and answers with
/// nothing, so a damaged store shows an empty screen with a friendly text,
/// never an error.
@MainActor
public protocol KioskData: AnyObject {
    /// The site this kiosk stands on, when it knows.
    var site: Site? { get }

    /// Every site of the company the kiosk knows of.
    func sites() -> [Site]

    /// Visible news for this site: pinned notices first, then newest first.
    func newsFeed(limit: Int) -> [Post]

    /// Everyone in the directory, in a fixed order that is no reader's:
    /// sort with ``PluginContext/sorted(_:byName:)`` to show them.
    func people() -> [Person]
    func person(id: String) -> Person?

    /// Agenda items that end after `from` and start before `until`.
    func events(from: Date, until: Date) -> [Event]

    func onboardingSections() -> [OnboardingSection]
    func onboardingSteps(sectionID: String) -> [OnboardingStep]

    /// A decoded photo or image by its SHA-256, or nil when it is not
    /// there (yet), still being decoded, or cannot be decoded. `atLeast` is
    /// the shorter side the picture will be drawn at; the kiosk may decode
    /// it smaller than it is stored, to spare memory. Photos are decoded off
    /// the UI thread: draw a placeholder when this is nil, and the kiosk
    /// draws the block again once the photo is in.
    func image(_ sha256: String, atLeast side: Int) -> Image?

    /// Whether a picture with this SHA-256 is stored and looks decodable,
    /// without decoding it: for layouts that leave room for it.
    func hasImage(_ sha256: String) -> Bool
}
