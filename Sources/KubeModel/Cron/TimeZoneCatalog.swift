import Foundation

/// Go's `time.LoadLocation`, as the API server runs it (with the tz database embedded): IANA names such as
/// `Europe/Berlin`, `Etc/UTC` and `UTC`. kubec reads the system tz database (`/usr/share/zoneinfo`) and falls
/// back to Foundation's list where there is none.
package enum TimeZoneCatalog {
    static let roots = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"]

    /// Nil when Go would load the zone; Go's error text otherwise.
    package static func loadError(_ name: String) -> String? {
        if name.isEmpty || name == "UTC" { return nil }
        if name.contains("..") || name.hasPrefix("/") || name.contains("\\") { return "time: invalid location name" }
        if name == "Local" { return nil }
        let manager = FileManager.default
        if let root = roots.first(where: { manager.fileExists(atPath: $0 + "/UTC") }) {
            var isDirectory: ObjCBool = false
            let exists = manager.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue ? nil : "unknown time zone \(name)"
        }
        return TimeZone.knownTimeZoneIdentifiers.contains(name) ? nil : "unknown time zone \(name)"
    }
}
