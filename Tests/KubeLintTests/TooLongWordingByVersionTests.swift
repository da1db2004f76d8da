import KubeLint
import KubeTestSupport
import Testing

/// `field.TooLong` reads as the API server of the effective version prints it: `must have at most N bytes` up to
/// Kubernetes 1.31, `may not be more than N bytes` from 1.32 (kubernetes#128553); the value is omitted in both.
struct TooLongWordingByVersionTests {
    /// The one error of `marked` linted for `minor` (nil: no flag), checked to sit at the `↓` marker.
    static func error(_ marked: String, minor: Int?) throws -> String {
        let source = MarkedSource(marked)
        var configuration = LintConfiguration()
        configuration.kubernetesMinor = minor
        let errors = Lint.run(source.text, configuration: configuration).filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.message))")
        let error = try #require(errors.first)
        #expect(error.range?.start == source.locations.first)
        return error.message
    }

    static let bigSecret =
        "apiVersion: v1\nkind: Secret\nmetadata: {name: big}\n↓stringData:\n  blob: "
        + String(repeating: "a", count: (1 << 20) + 1) + "\n"

    @Test func aSecretOverOneMebibyteUsesTheOldWordingIn131() throws {
        let message = try Self.error(Self.bigSecret, minor: 31)
        #expect(message == "data: Too long: must have at most 1048576 bytes")
    }

    @Test func aSecretOverOneMebibyteUsesTheNewWordingFrom132() throws {
        let message = try Self.error(Self.bigSecret, minor: 32)
        #expect(message == "data: Too long: may not be more than 1048576 bytes")
    }

    @Test func theClusterDocumentsVersionChoosesTheWordingWithoutTheFlag() throws {
        let marked =
            "apiVersion: kubec.dev/v1alpha1\nkind: Cluster\nmetadata: {name: c}\nspec: {kubernetesVersion: \"1.30\"}\n"
            + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n  annotations:\n    ↓note: "
            + String(repeating: "a", count: 1 << 18) + "\n"
        let message = try Self.error(marked, minor: nil)
        #expect(message == "metadata.annotations: Too long: must have at most 262144 bytes")
    }

    @Test func aConfigMapOverOneMebibyteIsReportedOnTheEmptyPathInTheOldWording() throws {
        let marked =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\n↓data:\n  blob: "
            + String(repeating: "a", count: (1 << 20) + 1) + "\n"
        let message = try Self.error(marked, minor: 29)
        #expect(message == "[]: Too long: must have at most 1048576 bytes")
    }

    @Test func aLongIngressClassControllerUsesTheOldWordingIn131() throws {
        let marked =
            "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: c}\nspec:\n  controller: ↓example.com/"
            + String(repeating: "a", count: 250) + "\n"
        let message = try Self.error(marked, minor: 31)
        #expect(message == "spec.controller: Too long: must have at most 250 bytes")
    }

    @Test func tooManyStorageClassParametersUseTheOldWordingIn131() throws {
        let parameters = (0...512).map { "k\($0): v" }.joined(separator: "\n  ")
        let marked =
            "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: ebs.csi.aws.com\n"
            + "parameters:\n  ↓" + parameters + "\n"
        let message = try Self.error(marked, minor: 31)
        #expect(message == "parameters: Too long: must have at most 512 bytes")
    }
}
