import Testing
@testable import RoostStore

@Suite struct RoostStoreSmokeTests {
    @Test("the module links") func links() { #expect(Bool(true)) }
}
