// Interned names. Attribute names and variables are compared and sorted by
// symbol id inside the evaluator; a `SymbolTable` belongs to one evaluator.

public struct Symbol: Hashable, Comparable, Sendable {
    public let id: Int32
    public init(id: Int32) { self.id = id }
    public static func < (a: Symbol, b: Symbol) -> Bool { a.id < b.id }
}

public final class SymbolTable {
    // One evaluator's, used from its thread only, never borrowed across calls:
    // no run-time exclusivity checks needed.
    @exclusivity(unchecked) private var ids: [String: Int32] = [:]
    @exclusivity(unchecked) private var names: [String] = []

    public init() {}

    public func intern(_ name: String) -> Symbol {
        if let id = ids[name] { return Symbol(id: id) }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return Symbol(id: id)
    }

    /// The symbol of `name` if it was ever interned.
    public func lookup(_ name: String) -> Symbol? {
        ids[name].map(Symbol.init(id:))
    }

    public func name(_ symbol: Symbol) -> String {
        names[Int(symbol.id)]
    }

    public var count: Int { names.count }
}
