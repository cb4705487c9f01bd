// The module scenario corpus (Tests/RoostSystemTests/modules): finding the
// scenarios, what each expects, and comparing results. Shared by the suites
// that run the corpus through nix-instantiate and through roost's evaluator.
// It does not evaluate anything itself.
import Foundation

/// One scenario directory: module files, a main.nix, and its expectation.
struct ModuleScenario: CustomStringConvertible, Sendable {
    let name: String
    let directory: URL
    var description: String { name }
    var mainFile: URL { directory.appendingPathComponent("main.nix") }

    enum Expectation: Sendable {
        /// The `--eval --strict --json` result.
        case value(JSONValue)
        /// Lines that must each appear in the error output (@DIR@ replaced).
        case error([String])
    }

    func expectation() throws -> Expectation {
        let fm = FileManager.default
        let errorFile = directory.appendingPathComponent("expected-error.txt")
        if fm.fileExists(atPath: errorFile.path) {
            let text = try String(contentsOf: errorFile, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
                .map { $0.replacingOccurrences(of: "@DIR@", with: directory.path) }
            return .error(lines)
        }
        let data = try Data(contentsOf: directory.appendingPathComponent("expected.json"))
        return .value(try JSONDecoder().decode(JSONValue.self, from: data))
    }

    /// Checks an evaluation's outcome; returns what is wrong, or nil.
    func mismatch(stdout: String, stderr: String, succeeded: Bool) throws -> String? {
        switch try expectation() {
        case .value(let expected):
            guard succeeded else { return "evaluation failed:\n\(stderr)" }
            let actual: JSONValue
            do {
                actual = try JSONDecoder().decode(JSONValue.self, from: Data(stdout.utf8))
            } catch {
                return "output is not JSON: \(stdout)"
            }
            return actual == expected ? nil : "expected \(expected)\n     got \(actual)"
        case .error(let lines):
            guard !succeeded else { return "an error was expected, but evaluation printed \(stdout)" }
            let missing = lines.filter { !stderr.contains($0) }
            return missing.isEmpty ? nil : "missing from the error: \(missing)\nerror was:\n\(stderr)"
        }
    }
}

enum ModuleCorpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("modules")
    /// The repository root, whose nix/ folder is `<roost>`.
    static let repository = directory.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var nixFolder: String { repository.appendingPathComponent("nix").path }

    static func scenarios() -> [ModuleScenario] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            let dir = directory.appendingPathComponent(name)
            guard fm.fileExists(atPath: dir.appendingPathComponent("main.nix").path) else { return nil }
            return ModuleScenario(name: name, directory: dir)
        }
    }
}

/// JSON as a value, so results compare structurally (key order and number
/// spelling do not matter).
enum JSONValue: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): return "\"\(s)\""
        case .array(let a): return "[" + a.map(\.description).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.keys.sorted().map { "\"\($0)\":\(o[$0]?.description ?? "")" }.joined(separator: ",") + "}"
        }
    }
}
