// Decoding manifests from JSON: every field but the essential ones may be left
// out (and gets its documented default), and an unknown key is an error that
// names it, so a typo never passes silently. Encoding stays synthesized.

import Foundation

struct AnyCodingKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
    init(stringLiteral value: String) { stringValue = value }
}

extension Decoder {
    /// Throws when the object being decoded has a key outside `known`.
    func rejectUnknownKeys(_ known: Set<String>, in what: String) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where !known.contains(key.stringValue) {
            let expected = known.sorted().joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [key],
                debugDescription: "unknown key '\(key.stringValue)' in \(what) (known: \(expected))"))
        }
    }
}

extension Manifest {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["hostname", "users", "groups", "etc", "units", "network", "bindMounts"],
                                      in: "manifest")
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        self.init(
            hostname: try c.decodeIfPresent(String.self, forKey: "hostname"),
            users: try c.decodeIfPresent([User].self, forKey: "users") ?? [],
            groups: try c.decodeIfPresent([Group].self, forKey: "groups") ?? [],
            etc: try c.decodeIfPresent([String: EtcFile].self, forKey: "etc") ?? [:],
            units: try c.decodeIfPresent([String: Unit].self, forKey: "units") ?? [:],
            network: try c.decodeIfPresent(Network.self, forKey: "network") ?? Network(),
            bindMounts: try c.decodeIfPresent([BindMount].self, forKey: "bindMounts") ?? [])
    }

    /// Reads a manifest from JSON text, turning decoding errors into one line.
    public static func decode(json data: Data, path: String) throws(ContainerError) -> Manifest {
        do {
            return try JSONDecoder().decode(Manifest.self, from: data)
        } catch let error as DecodingError {
            throw .invalidManifest(path: path, reason: Manifest.explain(error))
        } catch {
            throw .invalidManifest(path: path, reason: "\(error)")
        }
    }

    static func explain(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "the top level" : String(text.drop(while: { $0 == "." }))
        }
        switch error {
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "not valid JSON" + (detail.map { " (\($0))" } ?? "")
            }
            return "\(at(context.codingPath)): \(context.debugDescription)"
        case let .keyNotFound(key, context):
            return "\(at(context.codingPath + [key])) is missing"
        case let .typeMismatch(type, context):
            return "\(at(context.codingPath)) should be \(describe(type))"
        case let .valueNotFound(type, context):
            return "\(at(context.codingPath)) should be \(describe(type)), not null"
        @unknown default:
            return "\(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is UInt32.Type, is Int.Type: return "a number"
        default: return type is [Any].Type ? "a list" : "an object"
        }
    }
}

extension Manifest.User {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["name", "uid", "group", "description", "home", "shell", "hashedPassword",
                                       "extraGroups", "createHome"], in: "a user")
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        let name = try c.decode(String.self, forKey: "name")
        self.init(
            name: name,
            uid: try c.decode(UInt32.self, forKey: "uid"),
            group: try c.decodeIfPresent(String.self, forKey: "group") ?? "users",
            description: try c.decodeIfPresent(String.self, forKey: "description") ?? "",
            home: try c.decodeIfPresent(String.self, forKey: "home") ?? (name == "root" ? "/root" : "/home/" + name),
            shell: try c.decodeIfPresent(String.self, forKey: "shell") ?? "/bin/bash",
            hashedPassword: try c.decodeIfPresent(String.self, forKey: "hashedPassword"),
            extraGroups: try c.decodeIfPresent([String].self, forKey: "extraGroups") ?? [],
            createHome: try c.decodeIfPresent(Bool.self, forKey: "createHome") ?? true)
    }
}

extension Manifest.Group {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["name", "gid", "members"], in: "a group")
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        self.init(name: try c.decode(String.self, forKey: "name"), gid: try c.decode(UInt32.self, forKey: "gid"),
                  members: try c.decodeIfPresent([String].self, forKey: "members") ?? [])
    }
}

extension Manifest.EtcFile {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["text", "mode"], in: "an etc file")
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        self.init(text: try c.decode(String.self, forKey: "text"),
                  mode: try c.decodeIfPresent(String.self, forKey: "mode") ?? "0644")
    }
}

extension Manifest.Unit {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["text", "wantedBy", "enable"], in: "a unit")
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        self.init(text: try c.decode(String.self, forKey: "text"),
                  wantedBy: try c.decodeIfPresent([String].self, forKey: "wantedBy") ?? [],
                  enable: try c.decodeIfPresent(Bool.self, forKey: "enable") ?? true)
    }
}

extension Manifest.Network {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["privateNetwork", "hostAddress", "localAddress"], in: "network")
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        self.init(privateNetwork: try c.decodeIfPresent(Bool.self, forKey: "privateNetwork") ?? false,
                  hostAddress: try c.decodeIfPresent(IPv4Address.self, forKey: "hostAddress"),
                  localAddress: try c.decodeIfPresent(IPv4Address.self, forKey: "localAddress"))
    }
}

extension Manifest.BindMount {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["hostPath", "mountPoint", "readOnly"], in: "a bind mount")
        let c = try decoder.container(keyedBy: AnyCodingKey.self)
        self.init(hostPath: try c.decode(String.self, forKey: "hostPath"),
                  mountPoint: try c.decodeIfPresent(String.self, forKey: "mountPoint"),
                  readOnly: try c.decodeIfPresent(Bool.self, forKey: "readOnly") ?? true)
    }
}
