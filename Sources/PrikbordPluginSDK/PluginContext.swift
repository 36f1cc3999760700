import Foundation

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
    var formatters: [String: DateFormatter] = [:]

    public init(
        data: KioskData, theme: Theme, fonts: FontLibrary, strings: Strings,
        clock: @escaping () -> Date
    ) {
        self.data = data
        self.theme = theme
        self.fonts = fonts
        self.strings = strings
        self.clock = clock
    }

    public var now: Date { clock() }

    /// The site's time zone, for days and hours on screen.
    public var timeZone: TimeZone {
        data.site.flatMap { TimeZone(identifier: $0.timeZone) } ?? .current
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

    public var locale: Locale { Locale(identifier: strings.language) }
}
