// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "kubec",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kubec", targets: ["kubec"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "KubeYAML", dependencies: ["CLibYAML"], swiftSettings: strictSettings),
        .target(name: "KubeModel", dependencies: ["KubeYAML"], swiftSettings: strictSettings),
        .target(name: "KubeSchema", dependencies: ["KubeYAML", "KubeModel"], swiftSettings: strictSettings),
        .target(name: "KubeLint", dependencies: ["KubeYAML", "KubeModel"], swiftSettings: strictSettings),
        .target(name: "KubePlan", dependencies: ["KubeYAML", "KubeModel"], exclude: ["README.md"], swiftSettings: strictSettings),
        .target(
            name: "KubeEmit",
            dependencies: ["KubeYAML", "KubeModel", "KubePlan", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "KubeDiff",
            dependencies: ["KubeYAML", "KubeModel", "KubePlan", "KubeEmit"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kubec",
            dependencies: [
                "KubeYAML", "KubeModel", "KubeSchema", "KubeLint", "KubePlan", "KubeEmit", "KubeDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Generated inputs for `make bench` and for the tests that need large inputs: not part of the product.
        .target(
            name: "BenchmarkInputs",
            dependencies: ["KubeYAML", "KubeModel", "KubePlan", "KubeEmit", "KubeDiff"],
            path: "Benchmarks/BenchmarkInputs",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kubec-bench",
            dependencies: [
                "CLibYAML", "KubeYAML", "KubeModel", "KubeSchema", "KubeLint", "KubePlan", "KubeEmit", "KubeDiff",
                "BenchmarkInputs",
            ],
            path: "Benchmarks/kubec-bench",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "kubec-fuzz",
            dependencies: ["KubeYAML", "KubeModel", "KubeLint", "KubePlan", "KubeEmit"],
            path: "Fuzz/kubec-fuzz",
            swiftSettings: strictSettings
        ),
        .target(name: "KubeTestSupport", dependencies: ["KubeYAML", "KubeModel"], path: "Tests/KubeTestSupport"),
        .testTarget(name: "KubeYAMLTests", dependencies: ["KubeYAML", "KubeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel", "KubeTestSupport"]),
        .testTarget(name: "KubeSchemaTests", dependencies: ["KubeSchema", "KubeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "KubeLintTests", dependencies: ["KubeLint", "KubeSchema", "KubeTestSupport"]),
        .testTarget(name: "KubePlanTests", dependencies: ["KubePlan", "KubeTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "KubeEmitTests", dependencies: ["KubeEmit", "KubePlan", "KubeTestSupport", "BenchmarkInputs"],
            exclude: ["Golden"]),
        .testTarget(
            name: "KubeDiffTests", dependencies: ["KubeDiff", "KubeTestSupport", "BenchmarkInputs"],
            exclude: ["Fixtures"]),
        .testTarget(name: "kubecTests", dependencies: ["KubeTestSupport", "BenchmarkInputs"], exclude: ["Fixtures"]),
    ]
)
