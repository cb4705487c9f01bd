import Testing
@testable import NixSyntax

@Suite struct NixSyntaxSmokeTests {
    @Test("the module links") func links() { #expect(Bool(true)) }
}
