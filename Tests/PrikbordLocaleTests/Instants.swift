import FoundationEssentials
import PrikbordLocale

/// An instant from an ISO 8601 text with its offset, so a test says both the
/// wall time it means and the moment that is: "2026-10-25T02:30:00+02:00".
func instant(_ text: String) -> Date {
    try! Date(text, strategy: .iso8601)
}

let amsterdam = try! TimeZoneID("Europe/Amsterdam")

func amsterdamCalendar() -> SiteCalendar {
    try! SiteCalendar(timeZone: amsterdam)
}
