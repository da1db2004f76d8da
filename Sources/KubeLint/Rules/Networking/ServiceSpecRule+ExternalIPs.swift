import KubeModel
import KubeYAML

// `spec.externalIPs` as `ValidateService` checks it: each entry an IP by the legacy rules of the version
// (leading zeros and IPv4-mapped addresses refused from 1.36), then, once it parses, none of the special
// ranges (`ValidateNonSpecialIP`). `loadBalancerIP` is not validated by the API server (only warned about).
extension ServiceSpecRule {
    func checkExternalIPs(_ spec: YAMLNode, minor: Int, _ object: ObjectRef, _ sink: inout FindingSink) {
        for item in spec["externalIPs"]?.sequenceItems ?? [] {
            let text = item.text ?? ""
            let errors = LegacyIPValidation.ipErrors(text, minor: minor)
            for error in errors.isEmpty ? NonSpecialIP.errors(text) : errors {
                sink.fieldError(object, at: item, .invalid(.string(text), error),
                                hint: "externalIPs must be routable addresses of the cluster's network")
            }
        }
    }
}
