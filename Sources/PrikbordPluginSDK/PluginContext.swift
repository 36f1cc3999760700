import FoundationEssentials
import PrikbordLocale
import PrikbordLog

/// Everything a screen plugin may use: the store's content, the clock,
/// the worker's language, the theme and the fonts.
@MainActor
public final class PluginContext {
    public let data: KioskData
    public let theme: Theme
    public let fonts: FontLibrary
    public let strings: Strings
    private let clock: () -> Date
    /// Set by the kiosk before the first screen is shown.
    public weak var host: PluginHost?

    /// The worker's language for dates and the order of names.
    public let locale: LocaleID
    /// The site's zone as the store last named it, and what it resolved to.
    private var zone: (named: String?, id: TimeZoneID)?
    private var siteCalendar: SiteCalendar?
    var formats: [DateFormat.Pattern: DateFormat] = [:]
    private var nameOrder: Collator?
    /// What failed once and was logged, so it is not logged at every frame.
    var reported: Set<String> = []

    public init(
        data: KioskData, theme: Theme, fonts: FontLibrary, strings: Strings,
        clock: @escaping () -> Date
    ) {
        self.data = data
        self.theme = theme
        self.fonts = fonts
        self.strings = strings
        self.clock = clock
        locale = Self.locale(for: strings.language)
    }

    public var now: Date { clock() }

    /// The site's time zone, for days and hours on screen; the host's when
    /// the store names none yet or one ICU does not know.
    public var timeZone: TimeZoneID {
        let named = data.site?.timeZone
        if let zone, zone.named == named { return zone.id }
        let id = Self.timeZone(named: named)
        zone = (named, id)
        return id
    }

    /// The calendar of the site's wall, for days and hours: where today
    /// begins, what day an event is on, the day after tomorrow.
    public var calendar: SiteCalendar {
        let zone = timeZone
        if let siteCalendar, siteCalendar.timeZone == zone { return siteCalendar }
        let calendar: SiteCalendar
        do {
            calendar = try SiteCalendar(timeZone: zone)
        } catch {
            // A zone ICU knows that it cannot open means its data is gone.
            preconditionFailure("ICU cannot open a calendar: \(error)")
        }
        siteCalendar = calendar
        return calendar
    }

    /// Content text in the worker's language, or the best there is.
    public func text(_ localized: LocalizedText) -> String {
        localized.resolved(for: strings.contentLanguages)
    }

    /// Lays out text with the kiosk's fonts.
    public func layout(
        _ text: String, _ style: TextStyle, maxWidth: Int? = nil, maxLines: Int? = nil,
        alignment: TextAlignment = .leading
    ) -> TextLayout {
        TextLayout(
            text, style: style, fonts: fonts, maxWidth: maxWidth, maxLines: maxLines,
            alignment: alignment
        )
    }

    /// The items in the order of their names in the worker's language:
    /// "Łukasz" beside "Lukas", not after "Zofia".
    /// `context.sorted(context.data.people(), byName: \.name)`.
    public func sorted<Item>(_ items: [Item], byName name: (Item) -> String) -> [Item] {
        guard let collator = nameCollator() else { return items }
        return collator.sorted(items, by: name)
    }

    private func nameCollator() -> Collator? {
        if let nameOrder { return nameOrder }
        do {
            nameOrder = try Collator(locale: locale)
        } catch {
            report("collator", "names cannot be sorted; they keep the store's order", error)
        }
        return nameOrder
    }

    /// Logs a failure the first time it happens.
    func report(_ what: String, _ message: String, _ error: any Error) {
        guard reported.insert(what).inserted else { return }
        Log.error(message, ["kiosk.language": locale.identifier, "error": "\(error)"])
    }

    private static func locale(for language: String) -> LocaleID {
        do {
            return try LocaleID(language)
        } catch {
            Log.warning(
                "no ICU data for the language; dates and names in English order",
                ["kiosk.language": language, "error": "\(error)"])
            return .english
        }
    }

    private static func timeZone(named name: String?) -> TimeZoneID {
        guard let name else { return .system }
        do {
            return try TimeZoneID(name)
        } catch {
            let system = TimeZoneID.system
            Log.warning(
                "the site's time zone is unknown; using the host's",
                ["site.time_zone": name, "kiosk.time_zone": system.identifier, "error": "\(error)"])
            return system
        }
    }
}
