// Store derivations as Nix writes them: the ATerm text of a .drv file, its
// parser, and the "hash modulo" that names a derivation's outputs (input
// derivations replaced by their own hashes, fixed-output derivations by their
// content hash), so that Roost's drvPath/outPath equal Nix's for the same
// store directory. Derivations this process made or read are remembered by
// path; others are read back from their .drv files.
// It does not evaluate attributes (Builtins+Derivation.swift) or build anything.
// Attribute values that are not UTF-8 are held as their ExactRendering and
// hashed and written as their bytes.

import Foundation
import NixSyntax

struct Derivation: Sendable {
    enum Output: Sendable, Equatable {
        case inputAddressed(path: String)
        case fixed(recursive: Bool, hash: ContentHash, path: String)
        /// Not yet known: the masked form used to compute input-addressed paths.
        case deferred
    }

    var name: String
    var outputs: [String: Output] = [:]
    var inputDrvs: [String: Set<String>] = [:]
    var inputSrcs: Set<String> = []
    var platform = ""
    var builder = ""
    var args: [String] = []
    var env: [String: String] = [:]

    static func sortedKeys<V>(_ d: [String: V]) -> [String] { d.keys.sorted { $0.nixLess($1) } }

    /// The ATerm text. `maskOutputs` blanks output paths; `actualInputs`
    /// replaces the input derivations (by hash, when computing hashes modulo).
    func unparse(maskOutputs: Bool, actualInputs: [String: Set<String>]? = nil) -> String {
        var s = "Derive(["
        for (i, key) in Derivation.sortedKeys(outputs).enumerated() {
            if i > 0 { s += "," }
            s += "(" + Derivation.quoted(key)
            switch outputs[key] ?? .deferred {
            case .inputAddressed(let path):
                s += "," + Derivation.quoted(maskOutputs ? "" : path) + ",\"\",\"\""
            case .fixed(let recursive, let hash, let path):
                s += "," + Derivation.quoted(maskOutputs ? "" : path)
                s += "," + Derivation.quoted((recursive ? "r:" : "") + hash.algorithm.rawValue)
                s += "," + Derivation.quoted(hash.hex)
            case .deferred:
                s += ",\"\",\"\",\"\""
            }
            s += ")"
        }
        s += "],["
        let inputs = actualInputs ?? inputDrvs
        for (i, key) in Derivation.sortedKeys(inputs).enumerated() {
            if i > 0 { s += "," }
            let outs = (inputs[key] ?? []).sorted { $0.nixLess($1) }.map(Derivation.quoted).joined(separator: ",")
            s += "(" + Derivation.quoted(key) + ",[" + outs + "])"
        }
        s += "],["
        s += inputSrcs.sorted { $0.nixLess($1) }.map(Derivation.quoted).joined(separator: ",")
        s += "]," + Derivation.escaped(platform) + "," + Derivation.escaped(builder) + ",["
        s += args.map(Derivation.escaped).joined(separator: ",")
        s += "],["
        s += Derivation.sortedKeys(env).map { "(" + Derivation.escaped($0) + "," + Derivation.escaped(env[$0] ?? "") + ")" }
            .joined(separator: ",")
        return s + "])"
    }

    /// The ATerm text as the bytes to hash and write: strings that were not
    /// UTF-8 (held as their ExactRendering) are their exact bytes again.
    func unparsedBytes(maskOutputs: Bool, actualInputs: [String: Set<String>]? = nil) -> [UInt8] {
        ExactRendering.bytes(of: unparse(maskOutputs: maskOutputs, actualInputs: actualInputs))
    }

    static func quoted(_ s: String) -> String { "\"" + s + "\"" }

    static func escaped(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    /// What the .drv file refers to: its sources and input derivations.
    var references: [String] { Array(inputSrcs.union(inputDrvs.keys)) }

    var isFixedOutput: Bool {
        !outputs.isEmpty && outputs.values.allSatisfy { if case .fixed = $0 { return true } else { return false } }
    }
}

/// Derivations known to this process by .drv path, and their hashes modulo.
final class DerivationRegistry: @unchecked Sendable {
    static let shared = DerivationRegistry()
    private let lock = NSLock()
    private var derivations: [String: Derivation] = [:]
    private var hashes: [String: [String: String]] = [:]

    func remember(_ drv: Derivation, at path: String, hashes h: [String: String]?) {
        lock.lock(); defer { lock.unlock() }
        derivations[path] = drv
        if let h { hashes[path] = h }
    }

    func cached(_ path: String) -> (Derivation, [String: String]?)? {
        lock.lock(); defer { lock.unlock() }
        return derivations[path].map { ($0, hashes[path]) }
    }
}

extension StorePaths {
    /// The derivation stored at `drvPath`, remembered or read from its file.
    func derivation(at drvPath: String) throws(StorePathError) -> Derivation {
        if let (drv, _) = DerivationRegistry.shared.cached(drvPath) { return drv }
        guard let data = FileManager.default.contents(atPath: drvPath) else {
            throw StorePathError("path '\(drvPath)' is not valid: the derivation is not in the store '\(storeDir)'")
        }
        let base = drvPath.split(separator: "/").last.map(String.init) ?? ""
        let name = String(base.dropFirst(33).dropLast(4))
        let drv = try ATermReader.parse(Array(data), name: name, path: drvPath)
        DerivationRegistry.shared.remember(drv, at: drvPath, hashes: nil)
        return drv
    }

    /// The per-output hashes of an input derivation (its unmasked hash
    /// modulo). Derivations read from disk are hashed inputs first, with an
    /// explicit stack, so long chains of dependencies cost no native stack.
    func hashesOfInput(_ root: String) throws(StorePathError) -> [String: String] {
        if let (_, h) = DerivationRegistry.shared.cached(root), let h { return h }
        // Depth-first: a frame is a derivation and the inputs still to visit.
        var stack: [(path: String, drv: Derivation, inputs: [String], next: Int)] = []
        var onStack = Set<String>()
        func push(_ path: String) throws(StorePathError) {
            let drv = try derivation(at: path)
            stack.append((path, drv, Derivation.sortedKeys(drv.inputDrvs), 0))
            onStack.insert(path)
        }
        try push(root)
        while let top = stack.last {
            if top.next < top.inputs.count {
                let input = top.inputs[top.next]
                stack[stack.count - 1].next += 1
                if DerivationRegistry.shared.cached(input)?.1 != nil { continue }
                if onStack.contains(input) {
                    throw StorePathError("derivation '\(top.path)' depends on itself through '\(input)'")
                }
                try push(input)
                continue
            }
            DerivationRegistry.shared.remember(top.drv, at: top.path, hashes: try hashModulo(top.drv, maskOutputs: false))
            onStack.remove(top.path)
            stack.removeLast()
        }
        guard let (_, h) = DerivationRegistry.shared.cached(root), let h else {
            throw StorePathError("path '\(root)' is not valid")
        }
        return h
    }

    /// Nix's hashDerivationModulo: hex sha256 per output name.
    func hashModulo(_ drv: Derivation, maskOutputs: Bool) throws(StorePathError) -> [String: String] {
        if drv.isFixedOutput {
            var out: [String: String] = [:]
            for (name, output) in drv.outputs {
                guard case .fixed(let recursive, let hash, let path) = output else { continue }
                out[name] = sha256Hex("fixed:out:\(recursive ? "r:" : "")\(hash.algorithm.rawValue):\(hash.hex):\(path)")
            }
            return out
        }
        var inputs: [String: Set<String>] = [:]
        for drvPath in Derivation.sortedKeys(drv.inputDrvs) {
            let h = try hashesOfInput(drvPath)
            for output in drv.inputDrvs[drvPath] ?? [] {
                guard let hex = h[output] else {
                    throw StorePathError("derivation '\(drvPath)' does not have an output named '\(output)'")
                }
                inputs[hex, default: []].insert(output)
            }
        }
        let hash = Hex.encode(sha256Bytes(drv.unparsedBytes(maskOutputs: maskOutputs, actualInputs: inputs)))
        return drv.outputs.mapValues { _ in hash }
    }
}

/// Reads the ATerm text of a .drv file back into a `Derivation`.
struct ATermReader {
    private let bytes: [UInt8]
    private var i = 0
    private let path: String

    static func parse(_ bytes: [UInt8], name: String, path: String) throws(StorePathError) -> Derivation {
        var r = ATermReader(bytes: bytes, path: path)
        var drv = Derivation(name: name)
        try r.expect("Derive([")
        try r.list { (r: inout ATermReader) throws(StorePathError) in
            try r.expect("(")
            let name = try r.string(); try r.expect(",")
            let path = try r.string(); try r.expect(",")
            let algo = try r.string(); try r.expect(",")
            let hash = try r.string(); try r.expect(")")
            if !algo.isEmpty {
                let recursive = algo.hasPrefix("r:")
                guard let a = ContentHash.Algorithm(name: recursive ? String(algo.dropFirst(2)) : algo),
                      let h = Hex.decode(hash), h.count == a.byteCount else {
                    throw r.failure("an output with an invalid hash")
                }
                drv.outputs[name] = .fixed(recursive: recursive, hash: ContentHash(algorithm: a, bytes: h), path: path)
            } else {
                drv.outputs[name] = path.isEmpty ? .deferred : .inputAddressed(path: path)
            }
        }
        try r.expect(",[")
        try r.list { (r: inout ATermReader) throws(StorePathError) in
            try r.expect("(")
            let p = try r.string(); try r.expect(",[")
            var outs = Set<String>()
            try r.list { (r: inout ATermReader) throws(StorePathError) in outs.insert(try r.string()) }
            try r.expect(")")
            drv.inputDrvs[p] = outs
        }
        try r.expect(",[")
        try r.list { (r: inout ATermReader) throws(StorePathError) in drv.inputSrcs.insert(try r.string()) }
        try r.expect(",")
        drv.platform = try r.string(); try r.expect(",")
        drv.builder = try r.string(); try r.expect(",[")
        try r.list { (r: inout ATermReader) throws(StorePathError) in drv.args.append(try r.string()) }
        try r.expect(",[")
        try r.list { (r: inout ATermReader) throws(StorePathError) in
            try r.expect("(")
            let k = try r.string(); try r.expect(",")
            let v = try r.string(); try r.expect(")")
            drv.env[k] = v
        }
        try r.expect(")")
        guard r.i == r.bytes.count else { throw r.failure("trailing text") }
        return drv
    }

    private init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func failure(_ what: String) -> StorePathError {
        StorePathError("the derivation '\(path)' is malformed: \(what) at byte \(i); delete it and evaluate again")
    }

    private mutating func expect(_ literal: StaticString) throws(StorePathError) {
        let lit = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard bytes.count - i >= lit.count, bytes[i..<(i + lit.count)].elementsEqual(lit) else {
            throw failure("expected '\(literal)'")
        }
        i += lit.count
    }

    /// Items up to the closing `]`, separated by commas; the opening `[` is already read.
    private mutating func list(_ item: (inout ATermReader) throws(StorePathError) -> Void) throws(StorePathError) {
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return }
        while true {
            try item(&self)
            guard i < bytes.count else { throw failure("unterminated list") }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return }
            try expect(",")
        }
    }

    private mutating func string() throws(StorePathError) -> String {
        try expect("\"")
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            i += 1
            if c == UInt8(ascii: "\"") { return ExactRendering.text(of: out) }
            if c == UInt8(ascii: "\\") {
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                default: out.append(e)
                }
            } else {
                out.append(c)
            }
        }
        throw failure("unterminated string")
    }
}
