import Testing
@testable import NixEval

@Suite struct NixEvalSmokeTests {
    @Test("the module links") func links() { #expect(Bool(true)) }
}
