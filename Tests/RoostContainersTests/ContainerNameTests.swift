// Names, addresses and address allocation: the inputs that become host
// interface names, directories and routes, checked before anything is made.

import Testing
@testable import RoostContainers

@Suite struct ContainerNameTests {
    @Test("a name of lowercase letters, digits and dashes up to 13 characters is accepted")
    func validNames() throws {
        for text in ["a", "web", "db-1", "abcdefghijklm", "x9-y"] {
            #expect(try ContainerName(text).value == text)
        }
    }

    @Test("the host interface is c-NAME and fits the kernel's 15 characters")
    func hostInterface() throws {
        let name = try ContainerName("abcdefghijklm")
        #expect(name.hostInterface == "c-abcdefghijklm")
        #expect(name.hostInterface.utf8.count == 15)
    }

    @Test("empty, too long, uppercase, dotted, slashed or dash-edged names are rejected with a reason",
          arguments: [
              ("", "it is empty"),
              ("abcdefghijklmn", "it has 14 characters, at most 13 fit the interface name c-NAME"),
              ("Web", "use only lowercase letters, digits and '-'"),
              ("a.b", "use only lowercase letters, digits and '-'"),
              ("../etc", "use only lowercase letters, digits and '-'"),
              ("1abc", "it must start with a lowercase letter"),
              ("-abc", "it must start with a lowercase letter"),
              ("abc-", "it must not end with '-'"),
              ("ab c", "use only lowercase letters, digits and '-'"),
          ])
    func invalidNames(text: String, reason: String) {
        #expect(throws: ContainerError.invalidName(text, reason: reason)) { try ContainerName(text) }
    }

    @Test("the error for a bad name is one line naming the name and the rule")
    func invalidNameMessage() {
        let error = ContainerError.invalidName("Web", reason: "use only lowercase letters, digits and '-'")
        #expect(error.description == "invalid container name 'Web': use only lowercase letters, digits and '-'")
        #expect(!error.description.contains("\n"))
    }
}

@Suite struct AddressTests {
    @Test("dotted quads parse and print back the same")
    func parse() throws {
        for text in ["0.0.0.0", "10.233.0.1", "255.255.255.255", "192.168.1.20"] {
            #expect(IPv4Address(text)?.description == text)
        }
        #expect(IPv4Address("10.233.1.2")?.value == 0x0AE9_0102)
    }

    @Test("malformed addresses are rejected", arguments: [
        "", "10.233.0", "10.233.0.1.5", "256.1.1.1", "10.233.00.1", "01.2.3.4", "a.b.c.d", "10.233.0.1/32", " 10.0.0.1",
        "1..2.3", "-1.2.3.4", "1234.1.1.1",
    ])
    func malformed(text: String) {
        #expect(IPv4Address(text) == nil)
        #expect(throws: ContainerError.invalidAddress(text)) { try IPv4Address.parse(text) }
    }

    @Test("the first free pair is 10.233.0.1 for the host and 10.233.0.2 for the container")
    func firstPair() {
        #expect(AddressPool.firstFree(excluding: []) ==
                AddressPair(host: IPv4Address(10, 233, 0, 1), local: IPv4Address(10, 233, 0, 2)))
    }

    @Test("pairs never use .0 or .255 and move to the next /24 after .253/.254")
    func pairLayout() {
        #expect(AddressPool.pair(at: 126) == AddressPair(host: IPv4Address(10, 233, 0, 253), local: IPv4Address(10, 233, 0, 254)))
        #expect(AddressPool.pair(at: 127) == AddressPair(host: IPv4Address(10, 233, 1, 1), local: IPv4Address(10, 233, 1, 2)))
        #expect(AddressPool.pair(at: 127 * 256 - 1) ==
                AddressPair(host: IPv4Address(10, 233, 255, 253), local: IPv4Address(10, 233, 255, 254)))
        #expect(AddressPool.pair(at: 127 * 256) == nil)
    }

    @Test("an address in use on either side skips the whole pair")
    func skipsUsed() {
        let used: Set = [IPv4Address(10, 233, 0, 1), IPv4Address(10, 233, 0, 4)]
        #expect(AddressPool.firstFree(excluding: used) ==
                AddressPair(host: IPv4Address(10, 233, 0, 5), local: IPv4Address(10, 233, 0, 6)))
    }

    @Test("a pool with every address taken has no free pair")
    func exhausted() {
        var used = Set<IPv4Address>()
        for third in 0...255 { for fourth in 0...255 { used.insert(IPv4Address(10, 233, UInt8(third), UInt8(fourth))) } }
        #expect(AddressPool.firstFree(excluding: used) == nil)
    }
}
