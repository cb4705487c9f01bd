// Runs every module scenario through the reference evaluator,
// nix-instantiate, and compares with its expected result or error. This is
// what keeps nix/lib honest against real Nix semantics; it does not involve
// roost's own evaluator (see ModuleCorpusRoostTests for that).
import Foundation
import Testing

@Suite struct ModuleCorpusTests {
    static let nixInstantiate = ["/usr/bin/nix-instantiate", "/usr/local/bin/nix-instantiate"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("every module scenario gives its expected result under nix-instantiate",
          arguments: ModuleCorpus.scenarios())
    func scenarioUnderNixInstantiate(_ scenario: ModuleScenario) throws {
        guard let tool = Self.nixInstantiate else {
            Issue.record("nix-instantiate is not installed; run `make deps` (Debian package nix-bin)")
            return
        }
        var arguments = ["--eval", "--strict", "--json", "-I", "roost=\(ModuleCorpus.nixFolder)"]
        if case .error = try scenario.expectation() { arguments.append("--show-trace") }
        arguments.append("main.nix")
        let run = try ProcessRun(tool, arguments, in: scenario.directory)
        if let problem = try scenario.mismatch(stdout: run.stdout, stderr: run.stderr, succeeded: run.status == 0) {
            Issue.record("\(scenario.name): \(problem)")
        }
    }

    @Test("the corpus is not empty and every scenario has exactly one expectation")
    func corpusIsWellFormed() {
        let scenarios = ModuleCorpus.scenarios()
        #expect(scenarios.count >= 40)
        let fm = FileManager.default
        for s in scenarios {
            let hasValue = fm.fileExists(atPath: s.directory.appendingPathComponent("expected.json").path)
            let hasError = fm.fileExists(atPath: s.directory.appendingPathComponent("expected-error.txt").path)
            #expect(hasValue != hasError, "\(s.name) needs exactly one of expected.json and expected-error.txt")
        }
    }
}

/// A finished child process with its output, captured through files so a
/// large stderr cannot block it.
struct ProcessRun {
    let status: Int32
    let stdout: String
    let stderr: String

    init(_ executable: String, _ arguments: [String], in directory: URL) throws {
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("roost-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outURL = tmp.appendingPathComponent("out"), errURL = tmp.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        status = process.terminationStatus
        stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    }
}
