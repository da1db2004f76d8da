/// Gives every Ingress backend the endpoints of the Service port it names, once Services have endpoints.
///
/// A backend names its Service in the Ingress's namespace and a port by number (the Service `port`) or by
/// name (the Service port's `name`), as the Ingress API defines. A missing Service or port leaves the backend
/// without endpoints; lint reports it (`ingress-backend-missing`), and the nginx emitter answers 503.
package enum IngressBackendResolver {
    package static func resolve(_ state: ClusterState) -> ClusterState {
        guard !state.ingresses.isEmpty else { return state }
        var result = state
        // Positions, not copies of the Services (the last of a key wins, as before).
        var services: [String: Int] = [:]
        for index in state.services.indices { services[state.services[index].key] = index }
        func resolved(_ backend: IngressBackendState, namespace: String) -> IngressBackendState {
            var backend = backend
            guard let position = services["\(namespace)/\(backend.serviceName)"] else {
                backend.endpoints = []
                return backend
            }
            let port = state.services[position].ports.first { port in
                switch backend.port {
                case .number(let number): port.port == number
                case .name(let name): port.name == name
                }
            }
            backend.endpoints = port?.endpoints ?? []
            return backend
        }
        for index in result.ingresses.indices {
            let namespace = result.ingresses[index].namespace
            if let backend = result.ingresses[index].defaultBackend {
                result.ingresses[index].defaultBackend = resolved(backend, namespace: namespace)
            }
            for ruleIndex in result.ingresses[index].rules.indices {
                for pathIndex in result.ingresses[index].rules[ruleIndex].paths.indices {
                    let backend = result.ingresses[index].rules[ruleIndex].paths[pathIndex].backend
                    result.ingresses[index].rules[ruleIndex].paths[pathIndex].backend = resolved(backend, namespace: namespace)
                }
            }
        }
        return result
    }
}
