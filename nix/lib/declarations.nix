# Merging option declarations: every module's `options` into one tree of
# namespaces (plain sets) and options (merged records with `type`, `loc`,
# `declarations`, `declarationPositions`). Evaluation of values is elsewhere
# (option-tree.nix).
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
  # Merges option declarations ([{ file; value; pos }]) into one tree:
  # a set of children per namespace, a merged option record per option.
  mergeDeclarations = loc: entries:
    if entries != [ ] && builtins.tail entries == [ ] && isOption (head entries).value then
      mergeOptionDeclarations loc entries [ ]
    else
    let
      split = builtins.partition (e: (e.value._type or null) == "option") entries;
      opts = split.right;
      nested =
        if builtins.all (e: isAttrs e.value) split.wrong then split.wrong
        else
          let bad = head (filter (e: !(isAttrs e.value)) split.wrong); in
          throw "The declaration of `${showOption loc}' in `${bad.file}' is ${typeOf bad.value}, but must be an option (made with mkOption) or a set of options.";
    in
    if opts == [ ] then
      zipAttrsWith
        (name: es:
          let e = head es; in
          # Most options are declared once: no merging to do.
          if builtins.tail es == [ ] && (e.value._type or null) == "option" then
            e.value // {
              type = typeInFile e.file (e.value.type or types.unspecified);
              loc = loc ++ [ name ];
              declarations = [ e.file ];
              declarationPositions = if e.pos == null then [ ] else [ e.pos ];
            }
          else mergeDeclarations (loc ++ [ name ]) es)
        (map (e: mapAttrs (n: v: { inherit (e) file; value = v; pos = unsafeGetAttrPos n e.value; }) e.value) nested)
    else mergeOptionDeclarations loc opts nested;

  # The modules of a submodule type declared inline in a file are marked with
  # that file, so their options (users.users.<name>.uid) and errors name it.
  typeInFile = file: t:
    let subs = t.getSubModules or null; in
    if subs == null || subs == [ ] then t
    else t.substSubModules (map (m: { _file = file; imports = [ m ]; }) subs);
  withTypeInFile = e:
    if e.value ? type then e.value // { type = typeInFile e.file e.value.type; } else e.value;

  # One option declared by several modules: each attribute comes from one
  # declaration only, except `type`, where the types are combined (that is
  # how modules extend a submodule's options). Sets of options declared
  # below the option become modules of its submodule type.
  mergeOptionDeclarations = loc: opts: nested:
    let
      exclusive = [ "default" "defaultText" "example" "description" "apply" "relatedPackages" ];
      step = acc: e:
        let clash = filter (n: acc.decl ? ${n} && e.value ? ${n}) exclusive; in
        if clash != [ ] then
          throw "The option `${showOption loc}' in `${e.file}' is already declared in ${showFiles acc.files}; both give it a `${head clash}'. Declare it once, or only extend its type."
        else {
          decl = acc.decl // withTypeInFile e // lib.attrsets.optionalAttrs (acc.decl ? type && e.value ? type) {
            type =
              let t = acc.decl.type.typeMerge (typeInFile e.file e.value.type).functor; in
              if t == null then
                throw "The option `${showOption loc}' is declared with types that cannot be combined: `${acc.decl.type.description}' in ${showFiles acc.files} and `${e.value.type.description}' in `${e.file}'."
              else t;
          };
          files = acc.files ++ [ e.file ];
          positions = acc.positions ++ [ e.pos ];
        };
      first = head opts;
      start = { decl = withTypeInFile first; files = [ first.file ]; positions = [ first.pos ]; };
      merged = if builtins.tail opts == [ ] then start else foldl' step start (builtins.tail opts);
      declaredType = merged.decl.type or types.unspecified;
      type =
        if nested == [ ] then declaredType
        else if declaredType.getSubModules or null == null then
          throw "The option `${showOption loc}' in ${showFiles merged.files} has type `${declaredType.description}', which has no sub-options, but ${showFiles (map (e: e.file) nested)} declares options below it."
        else declaredType.substSubModules
          (declaredType.getSubModules ++ map (e: { _file = e.file; options = e.value; }) nested);
    in
    merged.decl // {
      inherit type loc;
      declarations = merged.files;
      declarationPositions = filter (p: p != null) merged.positions;
    };

}
