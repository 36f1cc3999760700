import Foundation

extension PluginContext {
    /// "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", or a date.
    public func relativeTime(_ date: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        let minutes = Int(seconds / 60)
        let hours = minutes / 60
        if minutes < 1 { return strings["time.now"] }
        if minutes < 60 { return strings.format("time.minutes", ["n": "\(minutes)"]) }
        let days =
            calendar.dateComponents(
                [.day], from: calendar.startOfDay(for: date), to: calendar.startOfDay(for: now)
            ).day ?? 0
        // Hours only within today: "20 h ago" beside "yesterday" reads oddly.
        if days == 0 { return strings.format("time.hours", ["n": "\(hours)"]) }
        if days <= 1 { return strings["time.yesterday"] }
        if days < 7 { return strings.format("time.days", ["n": "\(days)"]) }
        return format(date, "d MMMM")
    }

    /// A calendar in the site's time zone.
    public var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = locale
        calendar.firstWeekday = 2
        return calendar
    }

    /// Formats a date in the site's time zone and the worker's language,
    /// with an ICU template such as "EEEE d MMMM".
    public func format(_ date: Date, _ template: String) -> String {
        formatter(template: template).string(from: date)
    }

    /// "14:30" in the site's time zone.
    public func clockTime(_ date: Date) -> String {
        formatter(fixed: "HH:mm").string(from: date)
    }
}

extension PluginContext {
    /// Date formatters are costly to make (ICU loads its data), so each
    /// pattern is made once per context.
    func formatter(template: String) -> DateFormatter {
        cachedFormatter("t:" + template) { $0.setLocalizedDateFormatFromTemplate(template) }
    }

    func formatter(fixed format: String) -> DateFormatter {
        cachedFormatter("f:" + format) { $0.dateFormat = format }
    }

    private func cachedFormatter(_ key: String, _ configure: (DateFormatter) -> Void)
        -> DateFormatter
    {
        if let formatter = formatters[key], formatter.timeZone == timeZone { return formatter }
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.timeZone = timeZone
        configure(formatter)
        formatters[key] = formatter
        return formatter
    }
}
