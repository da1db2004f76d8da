/// The typed value of a manifest. Kinds kubec does not model stay `.generic`.
package enum KubeObject: Sendable {
    case generic
}
