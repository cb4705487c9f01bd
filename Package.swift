// swift-tools-version:6.0
// Roost: NixOS-style system containers for any Linux host.
// The targets follow ../shared/DESIGN.md: small leaf libraries, a library of
// commands that tests import, and a one-file executable.
import PackageDescription

let package = Package(
    name: "roost",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "roost", targets: ["roost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The Nix language's surface: source map, lexer, parser, AST. No dependencies.
        .target(name: "NixSyntax"),
        // Values, thunks, the lazy evaluator, builtins, output. Knows nothing of Roost.
        // Release builds (the roost binary, which evaluates on one thread at a
        // time) count references without atomics and skip dynamic exclusivity
        // checks. Debug builds, which the tests use and which run many
        // evaluators at once beside test code sharing strings, keep both.
        // See Sources/NixEval/Value/Arena.swift for the rule.
        .target(name: "NixEval", dependencies: [
            "NixSyntax",
            .product(name: "Crypto", package: "swift-crypto"),
        ], swiftSettings: [
            .unsafeFlags(["-Xfrontend", "-assume-single-threaded", "-enforce-exclusivity=unchecked"],
                         .when(configuration: .release)),
        ]),
        // Store paths, generations, profiles, GC roots, garbage collection.
        .target(name: "RoostStore", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Configuration -> manifest -> generation -> activation. Carries nix/ inside the binary.
        .target(name: "RoostSystem", dependencies: ["NixEval", "RoostStore", "RoostContainers",
                                            .product(name: "Crypto", package: "swift-crypto")],
                plugins: ["EmbedNix"]),
        .executableTarget(name: "EmbedNixTool", path: "Sources/EmbedNixTool"),
        .plugin(name: "EmbedNix", capability: .buildTool(), dependencies: ["EmbedNixTool"]),
        // The engine: systemd-nspawn, networking, sockets, locks, lifecycle.
        .target(name: "RoostContainers"),
        // Every command, in a library that tests import.
        .target(name: "RoostCLI", dependencies: [
            "NixSyntax", "NixEval", "RoostStore", "RoostSystem", "RoostContainers",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // mimalloc (Debian libmimalloc-dev) replaces glibc's malloc in the
        // binary: the evaluator makes millions of small objects, and glibc's
        // allocator costs a fifth of an evaluation where mimalloc costs little.
        .executableTarget(name: "roost", dependencies: ["RoostCLI"],
                          linkerSettings: [.linkedLibrary("mimalloc")]),

        .testTarget(name: "NixSyntaxTests", dependencies: ["NixSyntax"]),
        // lang/ holds the golden corpus, read from disk by path (not a resource).
        .testTarget(name: "NixEvalTests", dependencies: ["NixEval", "NixSyntax"], exclude: ["lang"]),
        .testTarget(name: "RoostStoreTests", dependencies: ["RoostStore"]),
        .testTarget(name: "RoostSystemTests", dependencies: ["RoostSystem"], exclude: ["modules"]),
        .testTarget(name: "RoostContainersTests", dependencies: ["RoostContainers"]),
        .testTarget(name: "RoostCLITests", dependencies: ["RoostCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
