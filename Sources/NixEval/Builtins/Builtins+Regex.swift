// Builtins: match and split with Nix's regular expressions (Regex.swift).
// Compiled patterns are cached per pattern text for the whole process, as
// Nix caches them per evaluation; the cache is bounded and thread-safe.

import NixSyntax

extension Builtins {
    static var regex: [PrimOp] { [
        PrimOp("match", arity: 2,
               doc: "`match regex s`: null if the POSIX extended `regex` does not match all of `s`, else the list of its groups (null for a group that took no part).") { ev, args, span in
            let pattern = try ev.contextFreeString(args[0], at: span)
            let regex = try ev.regexCache.regex(pattern, at: span)
            let subject = try ev.forceString(args[1], at: span).bytes
            let executor = RegexExecutor(regex, subject, budget: ev.regexStepBudget)
            let found: NixRegex.Match?
            do { found = try executor.matchWhole() } catch { throw tooComplex(pattern.string, at: span) }
            guard let m = found else { return .null }
            return .list((1..<max(1, regex.groupCount)).map { groupValue(m, $0, subject) })
        },

        PrimOp("split", arity: 2,
               doc: "`split regex s`: `s` cut at every match of the POSIX extended `regex`: strings between matches, and for each match the list of its groups.") { ev, args, span in
            let pattern = try ev.contextFreeString(args[0], at: span)
            let regex = try ev.regexCache.regex(pattern, at: span)
            let original = try ev.force(args[1], at: span)
            let subject = try ev.forceString(original, at: span).bytes
            do {
                return try split(regex, subject, budget: ev.regexStepBudget) ?? .list([original])
            } catch {
                throw tooComplex(pattern.string, at: span)
            }
        },
    ] }

    private static func tooComplex(_ pattern: String, at span: Span) -> EvalError {
        EvalError("regular expression '\(pattern)' takes too many steps to match; simplify it (nested repetitions are the usual cause)", at: span)
    }

    private static func groupValue(_ m: NixRegex.Match, _ g: Int, _ subject: [UInt8]) -> Value {
        guard let r = m.group(g) else { return .null }
        return .string(NixString(bytes: subject[r]))
    }

    /// The pieces of `split`, or nil when nothing matched (Nix then returns the string itself, context and all).
    private static func split(_ regex: NixRegex, _ subject: [UInt8], budget: Int) throws(NixRegex.TooComplex) -> Value? {
        let executor = RegexExecutor(regex, subject, budget: budget)
        guard var m = try executor.search(from: 0, previousAvailable: false) else { return nil }
        var out: [Value] = []
        var prefixStart = 0
        while true {
            let whole = m.group(0) ?? 0..<0
            out.append(.string(NixString(bytes: subject[prefixStart..<max(prefixStart, whole.lowerBound)])))
            out.append(.list((1..<max(1, regex.groupCount)).map { groupValue(m, $0, subject) }))
            prefixStart = whole.upperBound
            var next: NixRegex.Match? = nil
            if whole.isEmpty {
                // After an empty match: a non-empty one right here, else search on from the next byte.
                if whole.upperBound >= subject.count { break }
                next = try executor.search(from: whole.upperBound, notNull: true, continuous: true, previousAvailable: true)
                if next == nil { next = try executor.search(from: whole.upperBound + 1, previousAvailable: true) }
            } else {
                next = try executor.search(from: whole.upperBound, previousAvailable: true)
            }
            guard let n = next else { break }
            m = n
        }
        out.append(.string(NixString(bytes: subject[min(prefixStart, subject.count)...])))
        return .list(out)
    }
}

extension Evaluator {
    /// Work allowed to one `match` or `split`; smaller when the evaluation's
    /// own work is bounded (fuzzing), so a pathological pattern cannot stall it.
    var regexStepBudget: Int {
        options.stepLimit == nil ? NixRegex.stepBudget : 10_000_000
    }
}

/// Compiled patterns by their text, one cache per evaluator (evaluators share
/// no objects; see Value/Arena.swift), used from its thread only.
final class RegexCache {
    private var entries: [ExactString: NixRegex] = [:]
    /// Patterns that are not UTF-8 (rare), by their bytes.
    private var rawEntries: [[UInt8]: NixRegex] = [:]
    private static let capacity = 4096

    func regex(_ pattern: NixString, at span: Span) throws -> NixRegex {
        if !pattern.isText {
            let bytes = pattern.bytes
            if let hit = rawEntries[bytes] { return hit }
            let compiled = try compile(bytes, shown: pattern.string, at: span)
            if rawEntries.count >= Self.capacity { rawEntries.removeAll(keepingCapacity: true) }
            rawEntries[bytes] = compiled
            return compiled
        }
        let text = pattern.string
        if let hit = entries[ExactString(text)] { return hit }
        let compiled = try compile(Array(text.utf8), shown: text, at: span)
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[ExactString(text)] = compiled
        return compiled
    }

    private func compile(_ pattern: [UInt8], shown: String, at span: Span) throws -> NixRegex {
        do {
            return try NixRegex(compiling: pattern)
        } catch .tooLarge {
            throw EvalError("memory limit exceeded by regular expression '\(shown)'", at: span)
        } catch {
            throw EvalError("invalid regular expression '\(shown)'", at: span)
        }
    }
}
