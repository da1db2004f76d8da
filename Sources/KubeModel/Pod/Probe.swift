import KubeYAML

/// `v1.Probe`: a handler and its timing.
///
/// Timing fields keep the API defaults.
package struct Probe: Sendable, KubeDecodable {
    /// Which handler the probe uses.
    package enum Handler: Sendable, Hashable {
        /// `httpGet`: path, port (number or container port name), scheme (default `HTTP`).
        case httpGet(path: String, port: IntOrString?, scheme: String)
        /// `tcpSocket`.
        case tcpSocket(port: IntOrString?)
        /// `grpc`: the port is a number only.
        case grpc(port: Int?)
        /// `exec`.
        case exec(command: [String])
        /// No handler given (validation reports that).
        case none
    }

    package var node: YAMLNode?
    package var handler: Handler
    /// Default 0.
    package var initialDelaySeconds: Int
    /// Default 10.
    package var periodSeconds: Int
    /// Default 1.
    package var timeoutSeconds: Int
    /// Default 1.
    package var successThreshold: Int
    /// Default 3.
    package var failureThreshold: Int

    /// Decodes in one pass over the mapping's pairs; the first handler key found decides the handler.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        handler = .none
        initialDelaySeconds = 0
        periodSeconds = 10
        timeoutSeconds = 1
        successThreshold = 1
        failureThreshold = 3
        var handlerFound = false
        for (key, value) in node.pairs {
            switch key.text {
            case "httpGet", "tcpSocket", "grpc", "exec":
                guard !handlerFound, let handlerNode = context.mapping(value) else { continue }
                handlerFound = true
                handler = Self.handler(key.text ?? "", handlerNode, &context)
            case "initialDelaySeconds": initialDelaySeconds = context.int(value) ?? 0
            case "periodSeconds": periodSeconds = context.int(value) ?? 10
            case "timeoutSeconds": timeoutSeconds = context.int(value) ?? 1
            case "successThreshold": successThreshold = context.int(value) ?? 1
            case "failureThreshold": failureThreshold = context.int(value) ?? 3
            default: break
            }
        }
    }

    private static func handler(_ kind: String, _ node: YAMLNode, _ context: inout DecodeContext) -> Handler {
        switch kind {
        case "httpGet":
            .httpGet(
                path: context.string(node, "path") ?? "", port: context.intOrString(node, "port"),
                scheme: context.string(node, "scheme") ?? "HTTP")
        case "tcpSocket": .tcpSocket(port: context.intOrString(node, "port"))
        case "grpc": .grpc(port: context.int(node, "port"))
        default: .exec(command: context.strings(node, "command"))
        }
    }

    /// The port the handler targets (numeric or named), nil for `exec` and `none`.
    package var port: IntOrString? {
        switch handler {
        case .httpGet(_, let port, _), .tcpSocket(let port): port
        case .grpc(let port): port.map { .int($0) }
        case .exec, .none: nil
        }
    }
}
