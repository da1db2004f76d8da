/// The few names of one pod, container or Service seen so far (ports, env vars, mounts), for duplicate checks.
///
/// A list compared in order: these hold a handful of entries, where hashing every name cost more than comparing
/// it with each one seen. Same interface as `Set` for the uses here.
struct SmallSet<Element: Equatable> {
    private var elements: [Element] = []

    init() {}

    /// Adds an element; `inserted` is false when it was already there (and nothing changes).
    @discardableResult
    mutating func insert(_ element: Element) -> (inserted: Bool, memberAfterInsert: Element) {
        if let index = elements.firstIndex(of: element) { return (false, elements[index]) }
        elements.append(element)
        return (true, element)
    }

    func contains(_ element: Element) -> Bool { elements.contains(element) }
}
