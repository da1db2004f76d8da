import KubeYAML

/// `v1.Probe`: a handler and its timing. Timing fields keep the API defaults.
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

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        if let http = context.mapping(node, "httpGet") {
            handler = .httpGet(path: context.string(http, "path") ?? "", port: context.intOrString(http, "port"),
                               scheme: context.string(http, "scheme") ?? "HTTP")
        } else if let tcp = context.mapping(node, "tcpSocket") {
            handler = .tcpSocket(port: context.intOrString(tcp, "port"))
        } else if let grpc = context.mapping(node, "grpc") {
            handler = .grpc(port: context.int(grpc, "port"))
        } else if let exec = context.mapping(node, "exec") {
            handler = .exec(command: context.strings(exec, "command"))
        } else {
            handler = .none
        }
        initialDelaySeconds = context.int(node, "initialDelaySeconds") ?? 0
        periodSeconds = context.int(node, "periodSeconds") ?? 10
        timeoutSeconds = context.int(node, "timeoutSeconds") ?? 1
        successThreshold = context.int(node, "successThreshold") ?? 1
        failureThreshold = context.int(node, "failureThreshold") ?? 3
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
