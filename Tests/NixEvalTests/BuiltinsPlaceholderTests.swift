import Testing
@testable import NixEval

@Suite struct BuiltinsPlaceholderTests {
    static func eval(_ e: String) -> EvalResult {
        var r = EvalRequest(source: .expression(e, baseDirectory: "/"))
        r.strict = true
        return Instantiate.run(r)
    }

    @Test("placeholder gives Nix's text for an output name (values from nix-instantiate)")
    func placeholder() {
        #expect(Self.eval(#"builtins.placeholder "out""#).stdout == "\"/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9\"\n")
        #expect(Self.eval(#"builtins.placeholder "dev""#).stdout == "\"/02qcpld1y6xhs5gz9bchpxaw0xdhmsp5dv88lh25r2ss44kh8dxz\"\n")
        #expect(Self.eval("builtins.placeholder 1").stderr.hasPrefix("error: value is an integer while a string was expected"))
    }

    @Test("catAttrs finds a name that first appears inside the sets")
    func catAttrsNewName() {
        #expect(Self.eval(#"builtins.catAttrs "zzNeverSeen" [ { zzNeverSeen = 1; } { } { zzNeverSeen = 2; } ]"#).stdout == "[ 1 2 ]\n")
    }

    @Test("builtins has exactly nix-instantiate 2.8's names")
    func builtinNames() {
        let expected = #"[ "abort" "add" "addErrorContext" "all" "any" "appendContext" "attrNames" "attrValues" "baseNameOf" "bitAnd" "bitOr" "bitXor" "builtins" "catAttrs" "ceil" "compareVersions" "concatLists" "concatMap" "concatStringsSep" "currentSystem" "currentTime" "deepSeq" "derivation" "derivationStrict" "dirOf" "div" "elem" "elemAt" "false" "fetchGit" "fetchMercurial" "fetchTarball" "fetchTree" "fetchurl" "filter" "filterSource" "findFile" "floor" "foldl'" "fromJSON" "fromTOML" "functionArgs" "genList" "genericClosure" "getAttr" "getContext" "getEnv" "groupBy" "hasAttr" "hasContext" "hashFile" "hashString" "head" "import" "intersectAttrs" "isAttrs" "isBool" "isFloat" "isFunction" "isInt" "isList" "isNull" "isPath" "isString" "langVersion" "length" "lessThan" "listToAttrs" "map" "mapAttrs" "match" "mul" "nixPath" "nixVersion" "null" "parseDrvName" "partition" "path" "pathExists" "placeholder" "readDir" "readFile" "removeAttrs" "replaceStrings" "scopedImport" "seq" "sort" "split" "splitVersion" "storeDir" "storePath" "stringLength" "sub" "substring" "tail" "throw" "toFile" "toJSON" "toPath" "toString" "toXML" "trace" "true" "tryEval" "typeOf" "unsafeDiscardOutputDependency" "unsafeDiscardStringContext" "unsafeGetAttrPos" "zipAttrsWith" ]"#
        #expect(Self.eval("builtins.attrNames builtins").stdout == expected + "\n")
    }
}
