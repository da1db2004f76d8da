import KubeModel
import KubeYAML

/// The metric checks of autoscaling/v2 (`validateMetricSpec` and the per-source functions), in the API
/// server's words: a metric names one source, the one its `type` says, and a target the source allows.
enum HPAMetricChecks {
    static let sourceTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"]
    /// The source field of each type, in the order the API server looks at them.
    static let sourceFields = ["object", "external", "pods", "resource", "containerResource"]

    /// `ValidateCrossVersionObjectReference`: kind and name required, each a path segment; and, since Kubernetes
    /// 1.34 (kubernetes#132537), an apiVersion that parses as a group/version and, unless `allowEmptyGroup`,
    /// names an API group (`ValidateAPIVersion`).
    ///
    /// The API server allows an empty group for a scale target of kind ReplicationController (the only scalable
    /// kind of the core group) and for every Object metric's `describedObject`. On update it skips the
    /// apiVersion check when kind and apiVersion are unchanged, so HPAs stored before 1.34 keep working.
    static func reference(_ ref: YAMLNode, _ object: ObjectRef, allowEmptyGroup: Bool, _ sink: inout FindingSink) {
        for key in ["kind", "name"] {
            guard let text = APIServerChecks.text(ref, key), !text.isEmpty else {
                sink.fieldError(object, at: ref[key] ?? ref.pairs.first?.key ?? ref,
                                path: APIServerChecks.childPath(ref, key, in: object), .required(""))
                continue
            }
            for error in APIServerChecks.pathSegmentName(text) {
                sink.fieldError(object, at: ref[key], .invalid(.string(text), error))
            }
        }
        let apiVersion = APIServerChecks.text(ref, "apiVersion") ?? ""
        let detail: String
        switch groupOf(apiVersion) {
        case .failure(let error): detail = error.message
        case .success(let group) where group.isEmpty && !allowEmptyGroup: detail = "apiVersion must specify API group"
        case .success: return
        }
        sink.fieldError(object, at: ref["apiVersion"] ?? ref.pairs.first?.key ?? ref,
                        path: APIServerChecks.childPath(ref, "apiVersion", in: object),
                        .invalid(.string(apiVersion), detail),
                        hint: "name the target's group and version, as in its own manifest (apps/v1 for a Deployment)")
    }

    /// The error of apimachinery's `schema.ParseGroupVersion`.
    struct GroupVersionError: Error {
        var message: String
    }

    /// The group of an apiVersion as `schema.ParseGroupVersion` reads it: "" and "/" are the empty group version,
    /// no slash is a version of the core group, one slash splits group and version, more is an error.
    static func groupOf(_ apiVersion: String) -> Result<String, GroupVersionError> {
        if apiVersion.isEmpty || apiVersion == "/" { return .success("") }
        let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return .success("")
        case 2: return .success(String(parts[0]))
        default: return .failure(GroupVersionError(message: "unexpected GroupVersion string: \(apiVersion)"))
        }
    }

    static func metric(_ metric: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        let type = APIServerChecks.text(metric, "type") ?? ""
        let anchor = metric["type"] ?? metric.pairs.first?.key ?? metric
        // Paths are searched from the object's root: only when a finding needs one.
        let typePath = { APIServerChecks.childPath(metric, "type", in: object) }
        if type.isEmpty {
            sink.fieldError(object, at: anchor, path: typePath(), .required("must specify a metric source type"))
        }
        if !sourceTypes.contains(type) {
            sink.fieldError(object, at: anchor, path: typePath(), .unsupported(.string(type), sourceTypes))
        }
        let present = sourceFields.filter { APIServerChecks.isSet(metric, $0) }
        if let first = present.first, let source = metric[first], source.isMapping {
            self.source(first, source, object, &sink)
        }
        let expected = sourceTypes.contains(type) ? String(type.prefix(1)).lowercased() + type.dropFirst() : nil
        if let expected, !present.contains(expected) {
            sink.fieldError(object, at: anchor, path: APIServerChecks.childPath(metric, expected, in: object),
                            .required("must populate information for the given metric source"))
        }
        if present.count != 1 {
            for field in present.sorted() where field != expected {
                sink.fieldError(object, at: metric.pair(forKey: field)?.key, pathOf: metric[field],
                                .forbidden("must populate the given metric source only"))
            }
        }
    }

    private static func source(_ field: String, _ source: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        let target = source["target"]
        let anchor = target.flatMap { $0.isMapping ? $0 : nil }
        let has = { (key: String) in APIServerChecks.isSet(anchor, key) }
        let targetPath = { APIServerChecks.childPath(source, "target", in: object) }
        let targetAnchor = source.pair(forKey: "target")?.key ?? source.pairs.first?.key ?? source
        func require(_ key: String, _ detail: String) {
            sink.fieldError(object, at: targetAnchor, path: targetPath() + "." + key, .required(detail))
        }
        switch field {
        case "object", "external", "pods":
            if field == "object", let described = source["describedObject"], described.isMapping {
                reference(described, object, allowEmptyGroup: true, &sink)
            } else if field == "object" {
                sink.fieldError(object, at: source.pairs.first?.key ?? source,
                                path: APIServerChecks.childPath(source, "describedObject", in: object) + ".kind", .required(""))
            }
            metricIdentifier(source, object, &sink)
            self.target(target, targetPath, targetAnchor, object, &sink)
            switch field {
            case "object" where !has("value") && !has("averageValue"):
                require("averageValue", "must set either a target value or averageValue")
            case "external" where !has("value") && !has("averageValue"):
                require("averageValue", "must set either a target value for metric or a per-pod target")
            case "external" where has("value") && has("averageValue"):
                sink.fieldError(object, at: anchor?.pair(forKey: "value")?.key, path: targetPath() + ".value",
                                .forbidden("may not set both a target value for metric and a per-pod target"))
            case "pods" where !has("averageValue"):
                require("averageValue", "must specify a positive target averageValue")
            default: break
            }
        default:
            if (APIServerChecks.text(source, "name") ?? "").isEmpty {
                sink.fieldError(object, at: source["name"] ?? source.pairs.first?.key ?? source,
                                path: APIServerChecks.childPath(source, "name", in: object),
                                .required("must specify a resource name"))
            }
            if field == "containerResource" {
                if let container = APIServerChecks.text(source, "container"), !container.isEmpty {
                    for error in NameValidation.dns1123Label(container) {
                        sink.fieldError(object, at: source["container"], .invalid(.string(container), error))
                    }
                } else {
                    sink.fieldError(object, at: source["container"] ?? source.pairs.first?.key ?? source,
                                    path: APIServerChecks.childPath(source, "container", in: object),
                                    .required("must specify a container"))
                }
            }
            self.target(target, targetPath, targetAnchor, object, &sink)
            if !has("averageUtilization"), !has("averageValue") {
                require("averageUtilization", "must set either a target raw value or a target utilization")
            } else if has("averageUtilization"), has("averageValue") {
                sink.fieldError(object, at: anchor?.pair(forKey: "averageValue")?.key, path: targetPath() + ".averageValue",
                                .forbidden("may not set both a target raw value and a target utilization"))
            }
        }
    }

    /// `validateMetricIdentifier`: `metric.name` required, a path segment.
    private static func metricIdentifier(_ source: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        let metric = source["metric"]
        guard let name = APIServerChecks.text(metric, "name"), !name.isEmpty else {
            sink.fieldError(object, at: metric?["name"] ?? source.pair(forKey: "metric")?.key ?? source.pairs.first?.key ?? source,
                            path: APIServerChecks.childPath(source, "metric", in: object) + ".name",
                            .required("must specify a metric name"))
            return
        }
        for error in APIServerChecks.pathSegmentName(name) {
            sink.fieldError(object, at: metric?["name"], .invalid(.string(name), error))
        }
    }

    /// `validateMetricTarget`: a known type, positive quantities and utilization.
    private static func target(_ target: YAMLNode?, _ path: () -> String, _ anchor: YAMLNode, _ object: ObjectRef,
                               _ sink: inout FindingSink) {
        let node = target.flatMap { $0.isMapping ? $0 : nil }
        let type = APIServerChecks.text(node, "type") ?? ""
        let typeAnchor = node?["type"] ?? anchor
        if type.isEmpty {
            sink.fieldError(object, at: typeAnchor, path: path() + ".type", .required("must specify a metric target type"))
        }
        if !["Utilization", "Value", "AverageValue"].contains(type) {
            sink.fieldError(object, at: typeAnchor, path: path() + ".type",
                            .invalid(.string(type), "must be either Utilization, Value, or AverageValue"))
        }
        guard let node else { return }
        for key in ["value", "averageValue"] {
            guard let value = node[key], !value.isNull, let text = value.text,
                  case .success(let quantity) = Quantity.parse(text), quantity.signum != 1 else { continue }
            sink.fieldError(object, at: value, .invalid(.string(quantity.canonicalText), "must be positive"))
        }
        if let value = node["averageUtilization"], let number = value.integral, number < 1 {
            sink.fieldError(object, at: value, .invalid(.int(Int(number)), "must be greater than 0"))
        }
    }
}
