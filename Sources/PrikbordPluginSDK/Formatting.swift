import FoundationEssentials
import PrikbordLocale

extension PluginContext {
    /// "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", or a date.
    public func relativeTime(_ date: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let minutes = Int(seconds / 60)
        let hours = minutes / 60
        if minutes < 1 { return strings["time.now"] }
        if minutes < 60 { return strings.format("time.minutes", ["n": "\(minutes)"]) }
        let days = calendar.days(from: date, to: now)
        // Hours only within today: "20 h ago" beside "yesterday" reads oddly.
        if days == 0 { return strings.format("time.hours", ["n": "\(hours)"]) }
        if days <= 1 { return strings["time.yesterday"] }
        if days < 7 { return strings.format("time.days", ["n": "\(days)"]) }
        return format(date, "d MMMM")
    }

    /// Formats a date in the site's time zone and the worker's language,
    /// with an ICU skeleton such as "EEEE d MMMM": the fields to show, which
    /// the language orders and punctuates its own way.
    public func format(_ date: Date, _ skeleton: String) -> String {
        formatter(.skeleton(skeleton))?.string(from: date) ?? ""
    }

    /// "14:30" in the site's time zone.
    public func clockTime(_ date: Date) -> String {
        formatter(.fixed("HH:mm"))?.string(from: date) ?? ""
    }

    /// Date formatters are costly to make (ICU reads its locale data and
    /// searches a skeleton's best pattern), so each pattern is made once per
    /// context and time zone.
    func formatter(_ pattern: DateFormat.Pattern) -> DateFormat? {
        let zone = timeZone
        if let format = formats[pattern], format.timeZone == zone { return format }
        do {
            let format = try DateFormat(pattern, locale: locale, timeZone: zone)
            formats[pattern] = format
            return format
        } catch {
            report("\(pattern)", "dates cannot be formatted; the text is left out", error)
            return nil
        }
    }
}
