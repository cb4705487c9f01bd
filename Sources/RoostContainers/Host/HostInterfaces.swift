// The host's network interfaces as the kernel reports them (getifaddrs):
// which IPv4 addresses are configured, and whether an interface exists.
// Used so address allocation never hands out an address the host already has.

import Glibc

public enum HostInterfaces {
    /// Every IPv4 address on an interface of the host's network namespace.
    public static func ipv4Addresses() -> [(interface: String, address: IPv4Address)] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var result: [(String, IPv4Address)] = []
        var cursor = list
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            let value = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) }
            result.append((String(cString: entry.pointee.ifa_name), IPv4Address(value)))
        }
        return result
    }

    public static func exists(_ interface: String) -> Bool { if_nametoindex(interface) != 0 }
}
