// A validated container name. The name becomes a directory, a machine name, a
// hostname and the host-side interface `c-NAME`, whose 15-character limit
// (IFNAMSIZ - 1) caps names at 13 characters. Validation is all this file does.

public struct ContainerName: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    /// The longest name whose interface `c-NAME` fits the kernel's 15 characters.
    public static let maximumLength = 13

    public init(_ text: String) throws(ContainerError) {
        if let reason = ContainerName.problem(with: text) {
            throw .invalidName(text, reason: reason)
        }
        value = text
    }

    /// Why `text` is not a valid name, or nil when it is.
    public static func problem(with text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        let bytes = Array(text.utf8)
        if bytes.count > maximumLength {
            return "it has \(bytes.count) characters, at most \(maximumLength) fit the interface name c-NAME"
        }
        for byte in bytes {
            let ok = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
            if !ok { return "use only lowercase letters, digits and '-'" }
        }
        if let first = bytes.first, !(first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")) {
            return "it must start with a lowercase letter"
        }
        if bytes.last == UInt8(ascii: "-") { return "it must not end with '-'" }
        return nil
    }

    /// The host side of the container's veth pair.
    public var hostInterface: String { "c-" + value }

    public var description: String { value }

    public static func < (lhs: ContainerName, rhs: ContainerName) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try ContainerName(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
