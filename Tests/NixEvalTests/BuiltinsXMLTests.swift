// toXML and printXML against nix-instantiate 2.8: layout, escaping,
// float format, derivations printed once, and positions for `--xml`.

import Testing
import NixSyntax
@testable import NixEval

@Suite struct BuiltinsXMLTests {
    typealias H = StringBuiltinsHarness

    @Test("toXML writes scalars, lists and sets in Nix's layout and escapes attribute text as Nix does")
    func scalarsAndContainers() {
        let ev = Evaluator()
        let v: Value = .list([.float(1.5), .float(0.1), .float(1.0e20), .float(100000.0), .float(1000000.0), .string("a\rb"), .null,
                              .bool(true), .bool(false), .int(42), .int(-7), .path("/tmp/x"), .list([]), ev.makeAttrs([]),
                              .string("<>&\"'\t\n")])
        #expect(H.eval("toXML", v, in: ev)
            == #""<?xml version='1.0' encoding='utf-8'?>\n<expr>\n  <list>\n    <float value=\"1.5\" />\n    <float value=\"0.1\" />\n    <float value=\"1e+20\" />\n    <float value=\"100000\" />\n    <float value=\"1e+06\" />\n    <string value=\"a\rb\" />\n    <null />\n    <bool value=\"true\" />\n    <bool value=\"false\" />\n    <int value=\"42\" />\n    <int value=\"-7\" />\n    <path value=\"/tmp/x\" />\n    <list>\n    </list>\n    <attrs>\n    </attrs>\n    <string value=\"&lt;&gt;&amp;&quot;'\t&#xA;\" />\n  </list>\n</expr>\n""#)
    }

    @Test("toXML prints a derivation once, then as <repeated />, and sorts attributes by name")
    func derivations() {
        let ev = Evaluator()
        let d = ev.makeAttrs([("type", .string("derivation")), ("drvPath", .string("/d")), ("outPath", .string("/o")), ("name", .string("n"))])
        let v = ev.makeAttrs([
            ("a", d),
            ("b", .list([d, ev.makeAttrs([("type", .string("derivation"))]),
                         ev.makeAttrs([("type", .string("derivation")), ("outPath", .string("/x"))])])),
            ("c d", ev.makeAttrs([("e", ev.makeAttrs([]))])),
        ])
        #expect(H.eval("toXML", v, in: ev)
            == #""<?xml version='1.0' encoding='utf-8'?>\n<expr>\n  <attrs>\n    <attr name=\"a\">\n      <derivation drvPath=\"/d\" outPath=\"/o\">\n        <attr name=\"drvPath\">\n          <string value=\"/d\" />\n        </attr>\n        <attr name=\"name\">\n          <string value=\"n\" />\n        </attr>\n        <attr name=\"outPath\">\n          <string value=\"/o\" />\n        </attr>\n        <attr name=\"type\">\n          <string value=\"derivation\" />\n        </attr>\n      </derivation>\n    </attr>\n    <attr name=\"b\">\n      <list>\n        <derivation drvPath=\"/d\" outPath=\"/o\">\n          <repeated />\n        </derivation>\n        <derivation>\n          <repeated />\n        </derivation>\n        <derivation outPath=\"/x\">\n          <repeated />\n        </derivation>\n      </list>\n    </attr>\n    <attr name=\"c d\">\n      <attrs>\n        <attr name=\"e\">\n          <attrs>\n          </attrs>\n        </attr>\n      </attrs>\n    </attr>\n  </attrs>\n</expr>\n""#)
    }

    @Test("toXML escapes attribute names and prints built-in functions as unevaluated")
    func namesAndBuiltins() {
        let ev = Evaluator()
        let op = PrimOp("map", arity: 2, doc: "") { _, _, _ in .null }
        let v = ev.makeAttrs([("a b", .int(1)), ("<", .int(2)), ("p", .primop(op))])
        #expect(H.eval("toXML", v, in: ev)
            == #""<?xml version='1.0' encoding='utf-8'?>\n<expr>\n  <attrs>\n    <attr name=\"&lt;\">\n      <int value=\"2\" />\n    </attr>\n    <attr name=\"a b\">\n      <int value=\"1\" />\n    </attr>\n    <attr name=\"p\">\n      <unevaluated />\n    </attr>\n  </attrs>\n</expr>\n""#)
    }

    @Test("printXML shows path, line and column of attributes, naming a command-line expression by its text")
    func locations() throws {
        let ev = Evaluator()
        let text = "{a = 1; c = 1 + 1;}"
        let file = ev.sources.add(name: "«string»", text: text, isFile: false)
        let attrs = Attrs(unsorted: [
            Attr(name: ev.symbols.intern("a"), value: .int(1), span: Span(file: file, start: 1, end: 2)),
            Attr(name: ev.symbols.intern("c"), value: .thunk(Thunk(.native { _ in .int(2) })), span: Span(file: file, start: 8, end: 9)),
        ])
        // Not strict: an unevaluated value stays unevaluated.
        #expect(try ev.printXML(.attrs(attrs), at: .none, strict: false) == """
            <?xml version='1.0' encoding='utf-8'?>
            <expr>
              <attrs>
                <attr column="2" line="1" name="a" path="{a = 1; c = 1 + 1;}">
                  <int value="1" />
                </attr>
                <attr column="9" line="1" name="c" path="{a = 1; c = 1 + 1;}">
                  <unevaluated />
                </attr>
              </attrs>
            </expr>

            """)
        #expect(try ev.printXML(.attrs(attrs), at: .none, strict: true).contains("<int value=\"2\" />"))
    }

    @Test("toXML keeps the context of the strings it writes")
    func context() throws {
        let s = NixString("/nix/store/x", context: StringContext("/nix/store/x"))
        guard case .string(let out) = try H.call("toXML", .list([.string(s)])) else { Issue.record("not a string"); return }
        #expect(out.context.elements == ["/nix/store/x"])
    }

    @Test("functions show their parameter, formals (sorted), ellipsis and @-name, with positions under --xml")
    func functions() {
        var request = EvalRequest(source: .expression("{ f = { x, y ? 2, ... }@args: x; g = z: z; h = {}: 1; i = w@{ b, a }: 1; }", baseDirectory: "/tmp"))
        request.xml = true
        request.strict = true
        let path = "{ f = { x, y ? 2, ... }@args: x; g = z: z; h = {}: 1; i = w@{ b, a }: 1; }"
        let result = Instantiate.run(request)
        #expect(result.exitCode == 0)
        #expect(result.stdout == """
            <?xml version='1.0' encoding='utf-8'?>
            <expr>
              <attrs>
                <attr column="3" line="1" name="f" path="\(path)">
                  <function column="7" line="1" path="\(path)">
                    <attrspat ellipsis="1" name="args">
                      <attr name="x" />
                      <attr name="y" />
                    </attrspat>
                  </function>
                </attr>
                <attr column="34" line="1" name="g" path="\(path)">
                  <function column="38" line="1" path="\(path)">
                    <varpat name="z" />
                  </function>
                </attr>
                <attr column="44" line="1" name="h" path="\(path)">
                  <function column="48" line="1" path="\(path)">
                    <attrspat>
                    </attrspat>
                  </function>
                </attr>
                <attr column="55" line="1" name="i" path="\(path)">
                  <function column="59" line="1" path="\(path)">
                    <attrspat name="w">
                      <attr name="a" />
                      <attr name="b" />
                    </attrspat>
                  </function>
                </attr>
              </attrs>
            </expr>

            """)
        let toXML = Instantiate.run(EvalRequest(source: .expression("builtins.toXML { f = { x, y ? 2, ... }@args: x; g = z: z; }", baseDirectory: "/tmp")))
        #expect(toXML.stdout == #""<?xml version='1.0' encoding='utf-8'?>\n<expr>\n  <attrs>\n    <attr name=\"f\">\n      <function>\n        <attrspat ellipsis=\"1\" name=\"args\">\n          <attr name=\"x\" />\n          <attr name=\"y\" />\n        </attrspat>\n      </function>\n    </attr>\n    <attr name=\"g\">\n      <function>\n        <varpat name=\"z\" />\n      </function>\n    </attr>\n  </attrs>\n</expr>\n""# + "\n")
    }
}
