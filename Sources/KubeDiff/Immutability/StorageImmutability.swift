import KubeYAML

/// Immutable storage fields (pkg/apis/core/validation `ValidatePersistentVolumeClaimUpdate`,
/// pkg/apis/storage/validation `ValidateStorageClassUpdate`).
enum StorageImmutability {
    /// The PVC spec may change only in `resources.requests` and `volumeAttributesClassName`.
    static let claimMessage =
        "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"

    /// The refusal of a smaller storage request: storage may grow, never shrink.
    ///
    /// Since RecoverVolumeExpansionFailure (GA in 1.34) the check is against `status.capacity`; for a claim
    /// that was never resized the capacity is the old request. Older servers say `field can not be less than
    /// previous value`.
    static let shrinkMessage = "spec.resources.requests.storage: Forbidden: field can not be less than status.capacity"

    static func persistentVolumeClaim(_ context: WorkloadChange) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let offending = context.changes(under: ["spec"]).filter { change in
            !change.path.hasPrefix(["spec", "resources", "requests"])
                && !change.path.hasPrefix(["spec", "volumeAttributesClassName"])
        }
        if let first = offending.first {
            findings.append(
                context.forbidden(
                    claimMessage, path: first.path.description, keys: ["spec"], notes: context.changeNotes(offending)))
        }
        let keys = ["spec", "resources", "requests", "storage"]
        if let oldText = context.old["spec"]?["resources"]?["requests"]?["storage"]?.text,
            let newText = context.node(keys)?.text,
            let oldSize = QuantityValue.parse(oldText), let newSize = QuantityValue.parse(newText), newSize < oldSize
        {
            findings.append(context.forbidden(shrinkMessage, path: "spec.resources.requests.storage", keys: keys))
        }
        return findings
    }

    /// StorageClass: provisioner, parameters and reclaimPolicy are forbidden to change; volumeBindingMode is
    /// immutable.
    static func storageClass(_ context: WorkloadChange) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for field in ["parameters", "provisioner", "reclaimPolicy"] where context.changed(under: [field]) {
            findings.append(
                context.forbidden("\(field): Forbidden: updates to \(field) are forbidden.", path: field, keys: [field])
            )
        }
        findings += context.immutableFields([["volumeBindingMode"]])
        return findings
    }
}

/// A resource quantity's numeric value (`10Gi`, `500M`, `1.5e3`), close enough to compare sizes.
///
/// Decimal SI suffixes (`n u m k M G T P E`), binary suffixes (`Ki`…`Ei`) and decimal exponents; a
/// `Double` holds every size a volume has exactly enough for ordering.
enum QuantityValue {
    private static let binary: [String: Double] = [
        "Ki": 0x1p10, "Mi": 0x1p20, "Gi": 0x1p30, "Ti": 0x1p40, "Pi": 0x1p50, "Ei": 0x1p60,
    ]
    private static let decimal: [String: Double] = [
        "n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
    ]

    static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        var numberEnd = trimmed.endIndex
        for index in trimmed.indices {
            let character = trimmed[index]
            if character.isNumber || character == "." || character == "+" || character == "-" { continue }
            numberEnd = index
            break
        }
        let number = trimmed[..<numberEnd]
        let suffix = String(trimmed[numberEnd...])
        guard let value = Double(number) else { return nil }
        if let factor = binary[suffix] ?? decimal[suffix] { return value * factor }
        if let first = suffix.first, first == "e" || first == "E", let exponent = Int(suffix.dropFirst()) {
            var factor = 1.0
            for _ in 0..<abs(exponent) { factor *= 10 }
            return exponent >= 0 ? value * factor : value / factor
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var slice = self[...]
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }
}
