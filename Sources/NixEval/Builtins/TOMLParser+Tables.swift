// Table headers of the TOML reader, `[a.b]` and `[[a.b]]`, with the rules of
// Nix's TOML library for defining a table twice, reopening implicit tables,
// and mixing tables, arrays of tables and values. As in that library, a
// section's lines are read into a table of their own first and the section
// is put in place when it ends, so a syntax error in its lines is reported
// before a conflict of its header.

/// A section being read: its header and the table its lines go into.
struct TOMLSection {
    var path: [String]
    var region: TOMLRegion
    var isArray: Bool
    var body: TOMLTable
}

extension TOMLParser {
    /// Reads a header and starts its section; returns where the header ends.
    mutating func startSection(array: Bool) throws(TOMLError) -> Int {
        try finishSection()
        let (path, region) = try header(brackets: array ? 2 : 1)
        let body = TOMLTable(.header)
        pending = TOMLSection(path: path, region: region, isArray: array, body: body)
        current = body
        currentPath = path
        currentHeader = region
        return region.end
    }

    /// Puts the section being read (if any) in place.
    mutating func finishSection() throws(TOMLError) {
        guard let section = pending else { return }
        pending = nil
        if section.isArray {
            try insertArrayTable(section)
        } else {
            try insertTable(section)
        }
    }

    /// Reads `[`…`]` (or `[[`…`]]`) and returns the key path and the header's region.
    private mutating func header(brackets: Int) throws(TOMLError) -> ([String], TOMLRegion) {
        let start = pos
        pos += brackets
        skipSpaces()
        guard let path = try parseKey() else { throw invalidKey(at: start) }
        skipSpaces()
        for _ in 0..<brackets {
            guard peek == UInt8(ascii: "]") else { throw invalidKey(at: start) }
            pos += 1
        }
        return (path, TOMLRegion(start: start, end: pos))
    }

    private mutating func insertTable(_ section: TOMLSection) throws(TOMLError) {
        let path = section.path, region = section.region, body = section.body
        let name = path.joined(separator: ".")
        var table = root
        var walked: [String] = []
        for (i, key) in path.enumerated() {
            walked.append(key)
            let last = i == path.count - 1
            switch table[key] {
            case nil:
                let t = last ? body : TOMLTable(.implicit)
                table.set(key, .table(t), at: region)
                table = t
            case .table(let t)?:
                if t.origin == .inline && !last {
                    throw failure("toml::insert_value: inserting to an inline table (\(walked.joined(separator: "."))) but inline tables are immutable",
                                  [(table.region(key), "inline tables are immutable"), (region, "inserting this")])
                }
                if last {
                    if defined.contains(ObjectIdentifier(t)) || t.origin == .inline {
                        throw failure("toml::insert_value: table (\"\(name)\") already exists.",
                                      [(t.definedAt ?? table.region(key), "table already exists here"), (region, "table defined twice")])
                    }
                    // A table so far only implied: the section's lines join what it holds.
                    for (k, v) in body.entries {
                        if t[k] != nil {
                            throw failure("toml::insert_value: value (\"\(name)\") already exists.",
                                          [(t.region(k), "already exists here"), (region, "this defined twice")])
                        }
                        t.set(k, v, at: body.region(k))
                    }
                    t.origin = .header
                }
                table = t
            case .tables(let ts)?:
                if last {
                    throw failure("toml::insert_value: array of tables (\"\(name)\") already exists.",
                                  [(ts.region, "array of tables defined here"), (region, "table conflicts with the previous array of table")])
                }
                guard let element = ts.items.last else { throw failure("toml::insert_value: empty array of tables", at: region.start, "here") }
                table = element
            case let other?:
                if let element = other.lastTableOfArray {
                    if last {
                        throw failure("toml::insert_value: array of tables (\"\(name)\") already exists.",
                                      [(table.region(key), "array of tables defined here"), (region, "table conflicts with the previous array of table")])
                    }
                    table = element
                    continue
                }
                if last {
                    throw failure("toml::insert_value: value (\"\(name)\") already exists.",
                                  [(table.region(key), "value already exists here"), (region, "value defined twice")])
                }
                throw failure("toml::insert_value: target (\(walked.joined(separator: "."))) is neither table nor an array of tables",
                              [other.blocking(at: table.region(key)), (region, "inserting this")])
            }
        }
        defined.insert(ObjectIdentifier(table))
        table.definedAt = region
    }

    private mutating func insertArrayTable(_ section: TOMLSection) throws(TOMLError) {
        let path = section.path, region = section.region, body = section.body
        let name = path.joined(separator: ".")
        var table = root
        var walked: [String] = []
        for (i, key) in path.enumerated() {
            walked.append(key)
            let last = i == path.count - 1
            switch table[key] {
            case nil:
                let t = last ? body : TOMLTable(.implicit)
                if last {
                    table.set(key, .tables(TOMLTableArray([t], region: region)), at: region)
                } else {
                    // Nix's TOML library counts the parents an [[array]] header creates as defined.
                    table.set(key, .table(t), at: region)
                    defined.insert(ObjectIdentifier(t))
                    t.definedAt = region
                }
                table = t
            case .tables(let ts)?:
                if last {
                    ts.items.append(body)
                    table = body
                } else {
                    guard let element = ts.items.last else { throw failure("toml::insert_value: empty array of tables", at: region.start, "here") }
                    table = element
                }
            case .table(let t)?:
                if t.origin == .inline {
                    throw failure("toml::insert_value: inserting to an inline table (\(walked.joined(separator: "."))) but inline tables are immutable",
                                  [(table.region(key), "inline tables are immutable"), (region, "inserting this")])
                }
                if last {
                    throw failure("toml::insert_value: array of table (\"\(name)\") cannot be defined",
                                  [(t.definedAt ?? table.region(key), "table already defined"), (region, "this conflicts with the previous table")])
                }
                table = t
            case let other?:
                if let element = other.lastTableOfArray {
                    if last {
                        throw failure("toml::insert_value: array of table (\"\(name)\") collides with existing array-of-tables",
                                      [(table.region(key), "this array value has static size"), (region, "appending it to the statically sized array")])
                    }
                    table = element
                    continue
                }
                if last {
                    throw failure("toml::insert_value: array of table (\"\(name)\") collides with existing value",
                                  [(table.region(key), "this \(other.typeName) value already exists"), (region, "while inserting this array-of-tables")])
                }
                throw failure("toml::insert_value: target (\(walked.joined(separator: "."))) is neither table nor an array of tables",
                              [other.blocking(at: table.region(key)), (region, "inserting this")])
            }
        }
        table.definedAt = region
    }
}
