import KubeModel

/// Requests or capacity in kube-scheduler's units (`framework.Resource`): millicores, bytes, and whole units
/// for everything else (hugepages, extended resources).
package struct Resources: Sendable, Hashable {
    package var milliCPU: Int64 = 0
    package var memory: Int64 = 0
    package var ephemeralStorage: Int64 = 0
    /// Extended and hugepages resources, by name (never `cpu`, `memory`, `ephemeral-storage`, `pods`).
    package var scalars: [ResourceName: Int64] = [:]

    package init(milliCPU: Int64 = 0, memory: Int64 = 0, ephemeralStorage: Int64 = 0, scalars: [ResourceName: Int64] = [:]) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.ephemeralStorage = ephemeralStorage
        self.scalars = scalars
    }

    /// Reads a resource list (`pods` is ignored: it is a count, kept elsewhere).
    package init(_ list: ResourceList) {
        for (name, quantity) in list.values {
            switch name {
            case .cpu: milliCPU = quantity.milliValue
            case .memory: memory = quantity.value
            case .ephemeralStorage: ephemeralStorage = quantity.value
            case .pods: continue
            default: scalars[name] = quantity.value
            }
        }
    }

    /// True when every request is zero.
    package var isZero: Bool {
        milliCPU == 0 && memory == 0 && ephemeralStorage == 0 && scalars.values.allSatisfy { $0 == 0 }
    }

    package static func + (lhs: Resources, rhs: Resources) -> Resources {
        var result = lhs
        result.add(rhs)
        return result
    }

    /// Adds another vector, resource by resource.
    package mutating func add(_ other: Resources) {
        milliCPU &+= other.milliCPU
        memory &+= other.memory
        ephemeralStorage &+= other.ephemeralStorage
        for (name, value) in other.scalars { scalars[name, default: 0] &+= value }
    }

    /// Takes the larger value of each resource.
    package mutating func formMax(_ other: Resources) {
        milliCPU = max(milliCPU, other.milliCPU)
        memory = max(memory, other.memory)
        ephemeralStorage = max(ephemeralStorage, other.ephemeralStorage)
        for (name, value) in other.scalars { scalars[name] = max(scalars[name] ?? 0, value) }
    }
}

/// How kube computes a pod's request from its containers (`resource.PodRequests`).
package enum PodRequests {
    /// kube-scheduler's defaults for containers that do not request cpu or memory (scoring only).
    package static let defaultMilliCPU: Int64 = 100
    package static let defaultMemory: Int64 = 200 * 1024 * 1024

    /// `max(Σ containers + Σ sidecars, max over init containers of (request + sidecars started before it))
    /// + overhead`, with each container's request given by `request`.
    package static func aggregate(_ spec: PodSpec, _ request: (Container) -> Resources) -> Resources {
        var total = Resources()
        for container in spec.containers { total.add(request(container)) }
        var sidecars = Resources()
        var initMax = Resources()
        for container in spec.initContainers {
            let value = request(container)
            if container.restartPolicy == "Always" {
                sidecars.add(value)
                total.add(value)
            } else {
                initMax.formMax(value + sidecars)
            }
        }
        total.formMax(initMax)
        total.add(Resources(spec.overhead))
        return total
    }

    /// The real requests (API defaulting: a limit without a request requests the limit).
    package static func actual(_ spec: PodSpec) -> Resources {
        aggregate(spec) { Resources($0.resources.effectiveRequests) }
    }

    /// Requests with kube-scheduler's non-zero defaults for a missing cpu or memory key (scoring).
    package static func nonZero(_ spec: PodSpec) -> Resources {
        aggregate(spec) { container in
            let list = container.resources.effectiveRequests
            var value = Resources(list)
            if list.cpu == nil { value.milliCPU = defaultMilliCPU }
            if list.memory == nil { value.memory = defaultMemory }
            return value
        }
    }
}
