import Testing
@testable import RoostCLI

@Suite struct RoostCLISmokeTests {
    @Test("the module links") func links() { #expect(Bool(true)) }
}
