// Picks a free hostAddress/localAddress pair for a private network from
// 10.233.0.0/16, the way nixos-container does, never one already in use.
// Pairs are (x.1, x.2), (x.3, x.4), … (x.253, x.254) in each 10.233.x.0/24, so
// no address ends in .0 or .255. Which addresses are in use is the caller's
// input (other containers' records and the host's interfaces): this file is pure.

public struct AddressPair: Equatable, Sendable {
    public let host: IPv4Address
    public let local: IPv4Address
}

public enum AddressPool {
    public static let pairsPerBlock: UInt32 = 127
    public static let blocks: UInt32 = 256

    /// The pair with the given index, or nil past the end of the pool.
    public static func pair(at index: UInt32) -> AddressPair? {
        guard index < pairsPerBlock * blocks else { return nil }
        let block = UInt8(truncatingIfNeeded: index / pairsPerBlock)
        let low = UInt8(truncatingIfNeeded: 2 * (index % pairsPerBlock) + 1)
        return AddressPair(host: IPv4Address(10, 233, block, low), local: IPv4Address(10, 233, block, low &+ 1))
    }

    /// The first pair of which neither address is in `inUse`.
    public static func firstFree(excluding inUse: Set<IPv4Address>) -> AddressPair? {
        var index: UInt32 = 0
        while let candidate = pair(at: index) {
            if !inUse.contains(candidate.host) && !inUse.contains(candidate.local) { return candidate }
            index += 1
        }
        return nil
    }
}
