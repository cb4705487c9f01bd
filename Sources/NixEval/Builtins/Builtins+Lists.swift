// Builtins: lists — map, filter, folds, sorting, grouping.
// Laziness follows Nix 2.8 exactly: `map` and `genList` build unevaluated
// applications, `filter`/`concatMap` leave elements alone, `partition`,
// `elem` and `sort` force elements. Every loop is iterative, so a list of
// millions of elements costs no stack. `sort` replays libstdc++'s stable sort.

import NixSyntax

extension Builtins {
    static var lists: [PrimOp] { [
        PrimOp("map", arity: 2, doc: "Apply a function to every element of a list, lazily.") { ev, args, span in
            let list = try ev.forceList(args[1], at: span)
            // Nix applies without a position: errors inside show no call site.
            return .list(ev.lazyApplications(args[0], count: list.count) { list[$0] })
        },
        PrimOp("filter", arity: 2, doc: "The elements of a list for which a predicate returns true.") { ev, args, span in
            let f = try ev.forceFunctionArg(args[0], at: span)
            let list = try ev.forceList(args[1], at: span)
            var kept: [Value] = []
            kept.reserveCapacity(list.count)
            for e in list where try ev.forceBool(try ev.apply(f, e, at: span), at: span) { kept.append(e) }
            return kept.count == list.count ? .list(list) : .list(kept)
        },
        PrimOp("head", arity: 1, doc: "The first element of a list.") { ev, args, span in
            let list = try ev.forceList(args[0], at: span)
            guard let first = list.first else { throw EvalError("list index 0 is out of bounds", at: span) }
            return try ev.force(first, at: span)
        },
        PrimOp("tail", arity: 1, doc: "A list without its first element.") { ev, args, span in
            let list = try ev.forceList(args[0], at: span)
            if list.isEmpty { throw EvalError("'tail' called on an empty list", at: span) }
            return .list(list.suffix(copyingFrom: 1))
        },
        PrimOp("elem", arity: 2, doc: "Whether a value is an element of a list (by ==).") { ev, args, span in
            for e in try ev.forceList(args[1], at: span) where try ev.equals(args[0], e, at: span) {
                return .bool(true)
            }
            return .bool(false)
        },
        PrimOp("elemAt", arity: 2, doc: "The element of a list at a zero-based index.") { ev, args, span in
            let n = try ev.forceInt(args[1], at: span)
            let list = try ev.forceList(args[0], at: span)
            guard n >= 0 && n < list.count else { throw EvalError("list index \(n) is out of bounds", at: span) }
            return try ev.force(list[n], at: span)
        },
        PrimOp("length", arity: 1, doc: "The number of elements of a list.") { ev, args, span in
            .int(try ev.forceList(args[0], at: span).count)
        },
        PrimOp("concatLists", arity: 1, doc: "Concatenate a list of lists.") { ev, args, span in
            let lists = try ev.forceList(args[0], at: span)
            return .list(.concatenating(try lists.map { try ev.forceList($0, at: span) }))
        },
        PrimOp("concatMap", arity: 2, doc: "Apply a function returning a list to every element and concatenate the results.") { ev, args, span in
            let f = try ev.forceFunctionArg(args[0], at: span)
            let list = try ev.forceList(args[1], at: span)
            return .list(.concatenating(try list.map { try ev.forceList(try ev.apply(f, $0, at: span), at: span) }))
        },
        PrimOp("foldl'", arity: 3, doc: "Fold a list from the left with a strict accumulator.") { ev, args, span in
            let op = try ev.forceFunctionArg(args[0], at: span)
            let list = try ev.forceList(args[2], at: span)
            var acc = args[1]
            if list.isEmpty { return try ev.force(acc, at: span) }
            if case .lambda(let c) = op, let inner = c.code.curriedInner {
                // `acc: x: …`, the usual shape: enter both lambdas directly.
                let code = c.code, env = c.env
                if code.isSimple {
                    for e in list {
                        try ev.countStep(span)
                        acc = try ev.callLambda(inner, parent: ev.makeEnv(parent: env, value: acc), e, at: span)
                    }
                    return acc
                }
                for e in list { acc = try ev.callCurried(code, parent: env, acc, inner, e, at: span) }
                return acc
            }
            for e in list {
                acc = try ev.force(try ev.apply(op, acc, e, at: span), at: span)
            }
            return acc
        },
        PrimOp("genList", arity: 2, doc: "A list of the given length whose elements are the function applied to 0, 1, ….") { ev, args, span in
            let n = try ev.forceInt(args[1], at: span)
            if n < 0 { throw EvalError("cannot create list of size \(n)", at: span) }
            // Far beyond any real list: refuse it with a message instead of exhausting memory.
            if n > 1 << 28 { throw EvalError("cannot create list of size \(n): it does not fit in memory", at: span) }
            return .list(ev.lazyApplications(args[0], count: n) { .int($0) })
        },
        PrimOp("sort", arity: 2, doc: "Sort a list stably with a comparator returning true when its first argument comes first.") { ev, args, span in
            let f = try ev.forceFunctionArg(args[0], at: span)
            let list = try ev.forceList(args[1], at: span)
            if list.isEmpty { return .list(list) }
            var items = list
            for i in items.indices { items[i] = try ev.force(items[i], at: span) }
            try StableSort.sort(&items) { a, b in
                try ev.forceBool(try ev.apply(f, a, b, at: span), at: span)
            }
            return .list(items)
        },
        PrimOp("partition", arity: 2, doc: "Split a list into `right` (predicate true) and `wrong` (false).") { ev, args, span in
            let f = try ev.forceFunctionArg(args[0], at: span)
            var right: [Value] = [], wrong: [Value] = []
            for e in try ev.forceList(args[1], at: span) {
                let v = try ev.force(e, at: span)
                if try ev.forceBool(try ev.apply(f, v, at: span), at: span) { right.append(v) } else { wrong.append(v) }
            }
            return ev.makeAttrs([("right", .list(right)), ("wrong", .list(wrong))])
        },
        PrimOp("groupBy", arity: 2, doc: "Group the elements of a list into a set of lists by a function returning names.") { ev, args, span in
            let f = try ev.forceFunctionArg(args[0], at: span)
            var groups: [Symbol: [Value]] = [:]
            var order: [Symbol] = []
            for e in try ev.forceList(args[1], at: span) {
                let name = try ev.forceNameArg(try ev.apply(f, e, at: span), at: span)
                let sym = ev.symbols.intern(name)
                if groups[sym] == nil { order.append(sym) }
                groups[sym, default: []].append(e)
            }
            return .attrs(Attrs(unsorted: order.map { Attr(name: $0, value: .list(groups[$0] ?? [])) }))
        },
        PrimOp("all", arity: 2, doc: "Whether a predicate holds for every element of a list.") { ev, args, span in
            let f = try ev.forceFunctionArg(args[0], at: span)
            for e in try ev.forceList(args[1], at: span) where try !ev.forceBool(try ev.apply(f, e, at: span), at: span) {
                return .bool(false)
            }
            return .bool(true)
        },
        PrimOp("any", arity: 2, doc: "Whether a predicate holds for some element of a list.") { ev, args, span in
            let f = try ev.forceFunctionArg(args[0], at: span)
            for e in try ev.forceList(args[1], at: span) where try ev.forceBool(try ev.apply(f, e, at: span), at: span) {
                return .bool(true)
            }
            return .bool(false)
        },
    ] }
}

// Argument checks shared by the data builtins (lists, attrs, paths, context, derivations).
extension Evaluator {
    /// Whether a forced value can be called: a function, a builtin, or a set with `__functor`.
    func isCallable(_ v: Value) -> Bool {
        switch v {
        case .lambda, .primop, .primopApp: return true
        case .attrs(let a):
            guard let functor = symbols.lookup("__functor") else { return false }
            return a[functor] != nil
        default: return false
        }
    }

    /// Forces a value that must be callable, with Nix's "while a function was expected" error.
    func forceFunctionArg(_ value: Value, at span: Span) throws -> Value {
        let v = try force(value, at: span)
        guard isCallable(v) else { throw typeError(v, expected: "a function", at: span) }
        return v
    }

    /// A string that must not refer to store paths (attribute names, store names, …).
    func forceStringNoContextArg(_ value: Value, at span: Span) throws -> String {
        try forceNameArg(value, at: span).string
    }

    /// An attribute name from a string without context, exact bytes kept.
    func forceNameArg(_ value: Value, at span: Span) throws -> NixString {
        let s = try forceString(value, at: span)
        if let elements = s.context.elements, let first = elements.min(by: { $0.nixLess($1) }) {
            throw EvalError("the string '\(s.string)' is not allowed to refer to a store path (such as '\(first)')", at: span)
        }
        return s
    }
}

/// The stable merge sort of the C++ library Nix 2.8 is built with (libstdc++'s
/// `std::stable_sort` with a full buffer): runs of 7 sorted by insertion,
/// merged bottom-up through a buffer, the two halves merged last. Replaying
/// its exact sequence of comparisons makes comparators that are not strict
/// orders give the same result as in Nix.
enum StableSort {
    typealias Less = (Value, Value) throws -> Bool

    static func sort(_ a: inout [Value], _ less: Less) throws {
        let n = a.count
        if n < 2 { return }
        let middle = (n + 1) / 2
        var buf = [Value](repeating: .null, count: middle)
        try mergeSortWithBuffer(&a, middle: 0, end: middle, &buf, less)
        try mergeSortWithBuffer(&a, middle: middle, end: n, &buf, less)
        try mergeHalves(&a, middle: middle, &buf, less)
    }

    private static func mergeSortWithBuffer(_ a: inout [Value], middle first: Int, end last: Int,
                                            _ buf: inout [Value], _ less: Less) throws {
        let len = last - first
        var step = 7
        var start = first
        while last - start >= step {
            try insertionSort(&a, start, start + step, less)
            start += step
        }
        try insertionSort(&a, start, last, less)
        while step < len {
            try mergeLoop(a, first, last, into: &buf, 0, step: step, less)
            step *= 2
            try mergeLoop(buf, 0, len, into: &a, first, step: step, less)
            step *= 2
        }
    }

    private static func insertionSort(_ a: inout [Value], _ first: Int, _ last: Int, _ less: Less) throws {
        if last - first < 2 { return }
        for i in (first + 1)..<last {
            let val = a[i]
            if try less(val, a[first]) {
                var j = i
                while j > first { a[j] = a[j - 1]; j -= 1 }
                a[first] = val
            } else {
                var j = i
                // `first` bounds the scan: a pure comparator already said val is not before a[first].
                while j - 1 >= first, try less(val, a[j - 1]) {
                    a[j] = a[j - 1]
                    j -= 1
                }
                a[j] = val
            }
        }
    }

    /// Merges consecutive runs of `step` from src[start..<end] into dst from `out`.
    private static func mergeLoop(_ src: [Value], _ start: Int, _ end: Int, into dst: inout [Value], _ out: Int,
                                  step: Int, _ less: Less) throws {
        var first = start, result = out
        while end - first >= 2 * step {
            result = try merge(src, first, first + step, first + 2 * step, into: &dst, result, less)
            first += 2 * step
        }
        let s = min(end - first, step)
        _ = try merge(src, first, first + s, end, into: &dst, result, less)
    }

    private static func merge(_ src: [Value], _ f1: Int, _ mid: Int, _ l2: Int, into dst: inout [Value], _ out: Int,
                              _ less: Less) throws -> Int {
        var i = f1, j = mid, r = out
        while i < mid && j < l2 {
            if try less(src[j], src[i]) { dst[r] = src[j]; j += 1 } else { dst[r] = src[i]; i += 1 }
            r += 1
        }
        while i < mid { dst[r] = src[i]; i += 1; r += 1 }
        while j < l2 { dst[r] = src[j]; j += 1; r += 1 }
        return r
    }

    /// Merges a[0..<middle] and a[middle...], the shorter half going through the buffer.
    private static func mergeHalves(_ a: inout [Value], middle: Int, _ buf: inout [Value], _ less: Less) throws {
        let n = a.count
        let len1 = middle, len2 = n - middle
        if len1 <= len2 {
            for k in 0..<len1 { buf[k] = a[k] }
            var i = 0, j = middle, r = 0
            while i < len1 && j < n {
                if try less(a[j], buf[i]) { a[r] = a[j]; j += 1 } else { a[r] = buf[i]; i += 1 }
                r += 1
            }
            while i < len1 { a[r] = buf[i]; i += 1; r += 1 }
            return
        }
        if len2 == 0 { return }
        for k in 0..<len2 { buf[k] = a[middle + k] }
        var l1 = middle - 1, l2 = len2 - 1, r = n
        while true {
            if try less(buf[l2], a[l1]) {
                r -= 1
                a[r] = a[l1]
                if l1 == 0 {
                    while l2 >= 0 { r -= 1; a[r] = buf[l2]; l2 -= 1 }
                    return
                }
                l1 -= 1
            } else {
                r -= 1
                a[r] = buf[l2]
                if l2 == 0 { return }
                l2 -= 1
            }
        }
    }
}
