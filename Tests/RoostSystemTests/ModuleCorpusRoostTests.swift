// Runs every module scenario through roost's own evaluator, in process
// (`Instantiate.run`, what `roost eval` prints), and compares with the same
// expected results nix-instantiate is held to. Scenarios listed in
// modules/KNOWN-FAILURES-ROOST (with the reason) are run as known issues
// until the evaluator supports what they need; every other scenario must
// pass. It tests nix/lib under roost, not the evaluator's internals.
import Foundation
import NixEval
import Testing

@Suite struct ModuleCorpusRoostTests {
    /// Scenario name → why roost cannot evaluate it yet.
    static let knownFailures: [String: String] = {
        let file = ModuleCorpus.directory.appendingPathComponent("KNOWN-FAILURES-ROOST")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let parts = trimmed.split(separator: " ", maxSplits: 1)
            let name = String(parts[0])
            result[name] = parts.count > 1 ? String(parts[1]) : "listed in KNOWN-FAILURES-ROOST"
        }
        return result
    }()

    @Test("every module scenario gives its expected result under roost's evaluator",
          arguments: ModuleCorpus.scenarios())
    func scenarioUnderRoost(_ scenario: ModuleScenario) throws {
        if let reason = Self.knownFailures[scenario.name] {
            withKnownIssue("roost cannot evaluate \(scenario.name) yet: \(reason)", isIntermittent: true) {
                try check(scenario)
            }
        } else {
            try check(scenario)
        }
    }

    @Test("every scenario named in KNOWN-FAILURES-ROOST exists")
    func knownFailuresExist() {
        let names = Set(ModuleCorpus.scenarios().map(\.name))
        for name in Self.knownFailures.keys {
            #expect(names.contains(name), "KNOWN-FAILURES-ROOST names \(name), which is not a scenario")
        }
    }

    private func check(_ scenario: ModuleScenario) throws {
        var request = EvalRequest(source: .file(scenario.mainFile.path))
        request.strict = true
        request.json = true
        request.options.searchPath = ["roost=\(ModuleCorpus.nixFolder)"]
        request.options.storeDir = Self.scratchStore
        request.options.stepLimit = 50_000_000
        if case .error = try scenario.expectation() { request.options.showTrace = true }
        guard let result = Self.evaluate(request, timeout: 120) else {
            Issue.record("\(scenario.name): roost did not return within 120 s")
            return
        }
        if let problem = try scenario.mismatch(stdout: result.stdout, stderr: result.stderr,
                                               succeeded: result.exitCode == 0) {
            Issue.record("\(scenario.name): \(problem)")
        }
    }

    /// Where `builtins.toFile` and path copies go during tests: a scratch
    /// directory, never the host's store.
    static let scratchStore: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("roost-module-corpus-store-\(ProcessInfo.processInfo.processIdentifier)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Runs the evaluation on its own thread so a hang is reported instead of
    /// blocking the whole test run.
    static func evaluate(_ request: EvalRequest, timeout: TimeInterval) -> EvalResult? {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.set(Instantiate.run(request))
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return box.get()
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: EvalResult?
    func set(_ v: EvalResult) { lock.lock(); value = v; lock.unlock() }
    func get() -> EvalResult? { lock.lock(); defer { lock.unlock() }; return value }
}
