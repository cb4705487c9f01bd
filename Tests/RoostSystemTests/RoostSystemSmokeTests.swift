import Testing
@testable import RoostSystem

@Suite struct RoostSystemSmokeTests {
    @Test("the module links") func links() { #expect(Bool(true)) }
}
