// Runs roost's evaluator in-process (`Instantiate.run`, exactly what `roost
// eval` prints) with a wall-clock guard: the call runs on its own thread and a
// run that has not returned in time is reported as a hang instead of blocking
// the test run. A step limit bounds work so such a thread usually ends soon too.

import Foundation
import NixEval

enum RoostEval {
    /// Function applications allowed to one golden or generated evaluation;
    /// far above what any case needs, low enough to stop a runaway loop.
    static let defaultStepLimit = 20_000_000
    /// Memory allowed to one evaluation: the stress inputs of the fuzz
    /// tests (100,000 `++` in a row) would otherwise fill half the machine.
    static let defaultMemoryLimit = 2 << 30

    /// Where `builtins.toFile` and friends write during tests: a scratch
    /// directory of this test process, never the host's real store.
    static let scratchStore: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("roost-test-store-\(ProcessInfo.processInfo.processIdentifier)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func run(_ request: EvalRequest, timeout: TimeInterval = 60) -> ProcessOutput {
        var request = request
        if request.options.stepLimit == nil { request.options.stepLimit = defaultStepLimit }
        if request.options.memoryLimit == nil { request.options.memoryLimit = defaultMemoryLimit }
        if request.options.storeDir == EvalOptions().storeDir { request.options.storeDir = scratchStore }
        let box = OutputBox()
        let done = DispatchSemaphore(value: 0)
        let frozen = request
        Thread.detachNewThread {
            let r = Instantiate.run(frozen)
            box.set(ProcessOutput(stdout: LangCorpus.text(r.stdoutBytes), stderr: LangCorpus.text(r.stderrBytes),
                                  exitCode: r.exitCode, timedOut: false))
            done.signal()
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            return ProcessOutput(stdout: "", stderr: "roost did not return within \(Int(timeout)) s (hang?)",
                                 exitCode: -1, timedOut: true)
        }
        return box.get() ?? ProcessOutput(stdout: "", stderr: "no result", exitCode: -1, timedOut: false)
    }

    /// Evaluates a golden case with its flags.
    static func run(_ c: GoldenCase) -> ProcessOutput {
        do {
            let flags = try c.flags()
            return run(flags.request(.file(c.path)))
        } catch {
            return ProcessOutput(stdout: "", stderr: "bad flags file: \(error)", exitCode: -1, timedOut: false)
        }
    }

    /// Evaluates an expression as `-E` in the corpus directory.
    static func run(expression: String, strict: Bool = true) -> ProcessOutput {
        var r = EvalRequest(source: .expression(expression, baseDirectory: LangCorpus.directory))
        r.strict = strict
        return run(r)
    }
}

final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: ProcessOutput?
    func set(_ v: ProcessOutput) { lock.lock(); value = v; lock.unlock() }
    func get() -> ProcessOutput? { lock.lock(); defer { lock.unlock() }; return value }
}
