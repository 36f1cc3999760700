import Foundation
import PrikbordLog
import PrikbordModel
import PrikbordStore

/// Seeds a store with the demo company from `assets/demo`.
public enum DemoContent {
    /// Reads `company.json` and its photos from `directory` and saves them
    /// into `store`, turning relative times into absolute ones around `now`.
    public static func seed(into store: Store, from directory: URL, now: Date) throws {
        let file = directory.appendingPathComponent("company.json")
        let company: DemoCompany
        do {
            company = try JSONDecoder().decode(DemoCompany.self, from: Data(contentsOf: file))
        } catch {
            throw DemoContentError(file: file.path, reason: "\(error)")
        }
        let seeder = DemoSeeder(store: store, directory: directory, now: now, company: company)
        try seeder.seed()
        if let first = seeder.missing.files.first {
            Log.warning(
                "demo files missing; shown without them",
                ["demo.missing": String(seeder.missing.files.count), "demo.first": first])
        }
    }
}

public struct DemoContentError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var reason: String
    public var description: String { "demo content \(file): \(reason)" }
}

/// Files the demo refers to but the directory lacks.
private final class MissingFiles {
    var files: [String] = []
}

private struct DemoSeeder {
    let store: Store
    let directory: URL
    let now: Date
    let company: DemoCompany
    let missing = MissingFiles()

    func seed() throws {
        for site in company.sites {
            try store.save(
                Site(id: site.id, name: site.name, city: site.city, timeZone: site.timeZone))
        }
        for person in company.people { try store.save(try makePerson(person)) }
        for post in company.posts { try store.save(try makePost(post)) }
        for event in company.events { try store.save(try makeEvent(event)) }
        for section in company.onboarding {
            try store.save(try makeSection(section))
            for step in section.steps ?? [] {
                try store.save(
                    OnboardingStep(
                        id: step.id, sectionID: section.id, title: LocalizedText(step.title),
                        details: LocalizedText(step.details ?? [:]), day: step.day,
                        position: step.position))
            }
        }
    }

    private func makePerson(_ person: DemoCompany.Person) throws -> Person {
        Person(
            id: person.id, siteID: person.site, name: person.name,
            role: LocalizedText(person.role ?? [:]),
            department: LocalizedText(person.department ?? [:]),
            photo: try blob(person.photo), languages: person.languages ?? [])
    }

    private func makePost(_ post: DemoCompany.Post) throws -> Post {
        guard let kind = PostKind(rawValue: post.kind) else {
            throw invalid("post \(post.id) has unknown kind \(post.kind)")
        }
        let published = now.addingTimeInterval(-post.publishedHoursAgo * 3600)
        return Post(
            id: post.id, kind: kind, siteID: post.site, authorID: post.author,
            title: LocalizedText(post.title), body: LocalizedText(post.body ?? [:]),
            publishedAt: published,
            pinnedUntil: post.pinnedForHours.map { published.addingTimeInterval($0 * 3600) },
            expiresAt: post.expiresInHours.map { now.addingTimeInterval($0 * 3600) },
            image: try blob(post.image))
    }

    private func makeEvent(_ event: DemoCompany.Event) throws -> Event {
        guard let kind = EventKind(rawValue: event.kind) else {
            throw invalid("event \(event.id) has unknown kind \(event.kind)")
        }
        let zoneName = timeZoneName(of: event.site)
        guard let zone = TimeZone(identifier: zoneName) else {
            throw invalid("unknown time zone \(zoneName)")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let isAllDay = event.allDay ?? false
        let (hour, minute) = isAllDay ? (0, 0) : try wallTime(event.start, of: event.id)
        let today = calendar.startOfDay(for: now)
        guard let day = calendar.date(byAdding: .day, value: event.day, to: today),
            let start = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day)
        else { throw invalid("event \(event.id) has no valid date") }
        let end =
            isAllDay && event.durationMinutes == nil
            ? calendar.date(byAdding: .day, value: 1, to: start) ?? start
            : start.addingTimeInterval(TimeInterval((event.durationMinutes ?? 60) * 60))

        return Event(
            id: event.id, siteID: event.site, kind: kind, title: LocalizedText(event.title),
            details: LocalizedText(event.details ?? [:]), location: event.location ?? "",
            startsAt: start, endsAt: end, isAllDay: isAllDay, timeZone: zoneName,
            recurrence: nil, capacity: event.capacity)
    }

    private func makeSection(_ section: DemoCompany.Section) throws -> OnboardingSection {
        guard let kind = OnboardingSectionKind(rawValue: section.kind) else {
            throw invalid("onboarding section \(section.id) has unknown kind \(section.kind)")
        }
        return OnboardingSection(
            id: section.id, siteID: section.site, kind: kind, title: LocalizedText(section.title),
            body: LocalizedText(section.body ?? [:]), position: section.position)
    }

    /// The site's time zone; for all-sites items, the first site's.
    private func timeZoneName(of siteID: String?) -> String {
        let site = company.sites.first { $0.id == siteID } ?? company.sites.first
        return site?.timeZone ?? "Europe/Amsterdam"
    }

    private func wallTime(_ text: String?, of id: String) throws -> (Int, Int) {
        let parts = (text ?? "").split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else {
            throw invalid("event \(id) has start \(text ?? "none"), not HH:mm")
        }
        return (parts[0], parts[1])
    }

    /// Stores a photo or image file and returns its SHA-256; nil (an
    /// initials avatar, no image) when the file is not there.
    private func blob(_ relativePath: String?) throws -> String? {
        guard let relativePath else { return nil }
        let file = directory.appendingPathComponent(relativePath)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            missing.files.append(relativePath)
            return nil
        }
        let isPNG = file.pathExtension.lowercased() == "png"
        return try store.putBlob(data, mime: isPNG ? "image/png" : "image/jpeg")
    }

    private func invalid(_ reason: String) -> DemoContentError {
        let file = directory.appendingPathComponent("company.json").path
        return DemoContentError(file: file, reason: reason)
    }
}
