import Testing
@testable import RoostContainers

@Suite struct RoostContainersSmokeTests {
    @Test("the module links") func links() { #expect(Bool(true)) }
}
