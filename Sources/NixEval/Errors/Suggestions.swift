// "Did you mean …?" hints: the known names closest to a misspelt one by
// edit distance, the way Nix picks them (at most 5, distance at most 2,
// closest first, ties by name).

import NixSyntax

enum Suggestions {
    static let limit = 5
    static let maxDistance = 2

    static func best(_ candidates: [String], for query: String) -> [String] {
        // By bytes: a name that is not UTF-8 counts its exact bytes (ExactRendering).
        let q = ExactRendering.bytes(of: query)
        var scored: [(Int, String)] = []
        var seen = Set<String>()
        for c in candidates where seen.insert(c).inserted {
            // The distance is at least the difference in length: skip hopeless names cheaply.
            let name = ExactRendering.bytes(of: c)
            if abs(name.count - q.count) > maxDistance { continue }
            let d = distance(q, name)
            if d <= maxDistance { scored.append((d, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.nixLess($1.1) }
        return scored.prefix(limit).map { $0.1 }
    }

    /// Levenshtein distance over bytes.
    static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// "x" or "one of a, b or c", as the hint line prints them.
    static func text(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        if names.count == 1 { return last }
        return "one of " + names.dropLast().joined(separator: ", ") + " or " + last
    }
}
