# Walking the declaration tree with the definitions of every module:
# each namespace splits the definitions by attribute, each option merges
# its own (with its default) into the record modules see in `options`, and
# definitions no declaration claims are collected, to be reported with the
# nearest existing names (or handed to a freeform type).
{ lib }:
let
  inherit (builtins) isAttrs isPath isString isList attrNames attrValues mapAttrs
    filter concatMap length head elem listToAttrs zipAttrsWith unsafeGetAttrPos
    genericClosure typeOf addErrorContext foldl' concatStringsSep sort;
  inherit (lib.options) isOption mkOption showOption showFiles showDefs showLocation unknownModule;
  inherit (lib.modules) pushDownDefinition mergeDefinitions mkOptionDefault mkMerge;
  inherit (lib.lists) imap1;
  types = lib.types;
in
rec {
  # Walks one namespace: each option gets the definitions of its name, each
  # nested namespace the pushed-down sets; names no declaration knows are
  # collected in `unmatched` (with the names that do exist there).
  evalNamespace = loc: node: defs:
    let
      byName = zipAttrsWith (_: ds: ds) (map
        (d: mapAttrs (n: v: { inherit (d) file; value = v; pos = unsafeGetAttrPos n (d.source or d.value); }) d.value)
        defs);
      children = mapAttrs
        (name: sub:
          let subLoc = loc ++ [ name ]; subDefs = byName.${name} or [ ]; in
          if (sub._type or null) == "option" then
            # The value does not go through the option's record, which is
            # only built when a module reads `options`.
            let merged = evalOption subLoc sub subDefs; in
            { config = merged.value; options = optionRecord sub merged; unmatched = [ ]; }
          else evalNamespace subLoc sub (concatMap (pushDownDefinition subLoc) subDefs))
        node;
      strays = attrNames (removeAttrs byName (attrNames node));
    in
    {
      config = mapAttrs (_: c: c.config) children;
      options = mapAttrs (_: c: c.options) children;
      unmatched =
        if defs == [ ] then [ ]
        else (if strays == [ ] then [ ]
        else concatMap (n: map (d: d // { loc = loc ++ [ n ]; siblings = attrNames node; }) byName.${n}) strays)
        ++ builtins.concatLists (builtins.catAttrs "unmatched" (attrValues children));
    };

  # An option's merged definitions and value: { result; value; }.
  evalOption = loc: decl: defs:
    let
      default =
        if decl ? default then {
          file = head decl.declarations;
          pos = if decl.declarationPositions == [ ] then null else head decl.declarationPositions;
          value = decl.default;
        } else null;
      result = lib.modules.mergeDefinitionsWithDefault loc decl.type default defs;
    in
    {
      inherit result loc;
      value = addErrorContext "while evaluating the option `${showOption loc}':" (
        if !result.isDefined then
          throw "The option `${showOption loc}' is used but not defined, and it has no default. Define it in a module (it is declared in ${showFiles decl.declarations})."
        else if (decl.readOnly or false) == true && length result.defsFinal > 1 then
          throw "The option `${showOption loc}' is read-only, but it is set ${toString (length result.defsFinal)} times; keep one definition.${showDefs result.defsFinal}"
        else if (decl.apply or null) != null then decl.apply result.mergedValue
        else result.mergedValue);
    };

  # An option's record as modules see it in `options`: its declaration plus
  # value, isDefined, definitions, files, highestPrio.
  optionRecord = decl: merged:
    let result = merged.result; in
    decl // {
      inherit (merged) value loc;
      inherit (result) isDefined highestPrio;
      definitions = map (d: d.value) result.defsFinal;
      definitionsWithLocations = map (d: { inherit (d) file value; }) result.defsFinal;
      files = lib.lists.unique (map (d: d.file) result.defsFinal);
    };

  # "The option `x' does not exist", with the nearest existing names.
  unknownOptionMessage = u:
    let
      path = showOption u.loc;
      parent = lib.lists.init u.loc;
      name = lib.lists.last u.loc;
      near = suggestNames name u.siblings;
      hint =
        if near == [ ] then " Check the spelling, or import the module that declares it."
        else " Did you mean ${concatStringsSep " or " (map (n: "`${showOption (parent ++ [ n ])}'") near)}?";
    in
    "The option `${path}' defined in `${u.file}' does not exist.${hint}${showDefs [ u ]}";

  # Up to three of `candidates` closest to `name` by edit distance, if close
  # enough to be a likely typo.
  suggestNames = name: candidates:
    let
      len = builtins.stringLength name;
      limit = if len <= 3 then 1 else if len <= 8 then 2 else 3;
      scored = map (c: { inherit c; d = lib.strings.levenshtein (lib.strings.toLower name) (lib.strings.toLower c); })
        (filter (c: lib.strings.levenshteinAtMost limit (lib.strings.toLower name) (lib.strings.toLower c)) candidates);
      ranked = sort (a: b: a.d < b.d || (a.d == b.d && a.c < b.c)) scored;
    in
    map (s: s.c) (lib.lists.take 3 ranked);
}
