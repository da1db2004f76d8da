/// How a Service port's `targetPort` becomes a container port number on one pod (Kubernetes `podutil.FindPort`).
///
/// A number is used as it is, whether or not a container declares it. A name is looked up among the pod's
/// container ports with the same name *and* protocol; a pod without such a port is not an endpoint of that
/// Service port (the EndpointSlice controller leaves it out).
package enum TargetPortResolution {
    /// The container port that `port.targetPort` names on `pod`, or nil when the pod has no such port.
    package static func containerPort(for port: ServicePortState, in pod: PodState) -> Int? {
        switch port.targetPort {
        case .number(let number):
            return number > 0 ? number : port.port
        case .name(let name):
            return pod.ports.first { $0.name == name && $0.proto == port.proto }?.containerPort
        }
    }
}
