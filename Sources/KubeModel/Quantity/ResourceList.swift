/// The name of a resource in requests, limits, capacity and allocatable (`cpu`, `memory`, `nvidia.com/gpu`).
package struct ResourceName: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    package var rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }

    package var description: String { rawValue }
    package static func < (lhs: ResourceName, rhs: ResourceName) -> Bool { lhs.rawValue < rhs.rawValue }

    /// CPU in cores (`500m` is half a core).
    package static let cpu: ResourceName = "cpu"
    /// Memory in bytes.
    package static let memory: ResourceName = "memory"
    /// The number of pods a node can run.
    package static let pods: ResourceName = "pods"
    /// Local ephemeral storage in bytes.
    package static let ephemeralStorage: ResourceName = "ephemeral-storage"
}

/// Quantities by resource name: a container's requests or limits, a node's capacity or allocatable.
package struct ResourceList: Hashable, Sendable {
    /// The quantities; iterate `names` for a stable order.
    package var values: [ResourceName: Quantity]

    package init(_ values: [ResourceName: Quantity] = [:]) { self.values = values }

    /// The quantity of one resource, nil when not listed.
    package subscript(name: ResourceName) -> Quantity? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// True when no resource is listed.
    package var isEmpty: Bool { values.isEmpty }

    /// The listed resource names, sorted.
    package var names: [ResourceName] { values.keys.sorted() }

    /// `cpu`, when listed.
    package var cpu: Quantity? { values[.cpu] }
    /// `memory`, when listed.
    package var memory: Quantity? { values[.memory] }
    /// `pods`, when listed.
    package var pods: Quantity? { values[.pods] }
    /// `ephemeral-storage`, when listed.
    package var ephemeralStorage: Quantity? { values[.ephemeralStorage] }

    /// The sum of two lists, resource by resource (saturating).
    package static func + (lhs: ResourceList, rhs: ResourceList) -> ResourceList {
        var result = lhs
        for (name, quantity) in rhs.values { result.values[name] = (result.values[name] ?? .zero) + quantity }
        return result
    }
}
