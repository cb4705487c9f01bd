# Turning Nix values into configuration-file text: key=value files, INI
# files, JSON/YAML, and Nix-like pretty printing. Each generator is a pure
# function from a value to a string; writing files is someone else's job.
{ lib }:
let
  inherit (builtins) isInt isFloat isString isBool isList isAttrs isPath isFunction
    attrNames concatMap concatStringsSep length head tail typeOf;
  inherit (lib.strings) escape concatStrings isStringLike escapeNixString escapeNixIdentifier;
in
rec {
  # How a single value is written by default: numbers, strings, booleans,
  # null and paths; lists, sets and functions are refused, since every file
  # format spells them differently.
  mkValueStringDefault = { }: v:
    let refuse = what: throw "generators.mkValueStringDefault: ${what} are not supported (got ${toPretty { multiline = false; } v}); pass your own mkValueString."; in
    if isInt v || isFloat v then toString v
    else if isString v then v
    else if isBool v then lib.trivial.boolToString v
    else if v == null then "null"
    else if isPath v then toString v
    else if isList v then refuse "lists"
    else if isAttrs v then (if isStringLike v then toString v else refuse "attribute sets")
    else if isFunction v then refuse "functions"
    else refuse (typeOf v);

  mkKeyValueDefault = { mkValueString ? mkValueStringDefault { } }: sep: key: value:
    "${escape [ sep ] key}${sep}${mkValueString value}";

  # One `key=value` line per attribute, in attribute-name order.
  toKeyValue = { mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false, indent ? "" }: attrs:
    concatStrings (concatMap
      (key:
        let value = attrs.${key}; line = v: "${indent}${mkKeyValue key v}\n"; in
        if listsAsDuplicateKeys && isList value then map line value else [ (line value) ])
      (attrNames attrs));

  # `[section]` headers followed by their keys; sections separated by a blank line.
  toINI = { mkSectionName ? (name: escape [ "[" "]" ] name), mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false }: sections:
    concatStringsSep "\n" (map
      (name: "[${mkSectionName name}]\n" + toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } sections.${name})
      (attrNames sections));

  toINIWithGlobalSection = { mkSectionName ? (name: escape [ "[" "]" ] name), mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false }:
    { globalSection, sections ? { } }:
    (if globalSection == { } then "" else toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } globalSection + "\n")
    + toINI { inherit mkSectionName mkKeyValue listsAsDuplicateKeys; } sections;

  toJSON = { }: builtins.toJSON;
  # JSON is valid YAML, and needs no quoting rules of its own.
  toYAML = { }: builtins.toJSON;

  # Nix-like text for any value, for messages and documentation.
  toPretty = { allowPrettyValues ? false, multiline ? true, indent ? "" }:
    let
      go = ind: v:
        let
          inner = ind + "  ";
          open = if multiline then "\n${inner}" else " ";
          close = if multiline then "\n${ind}" else " ";
          sepr = if multiline then "\n${inner}" else " ";
        in
        if isInt v || isFloat v then toString v
        else if isString v then showString ind v
        else if isBool v then lib.trivial.boolToString v
        else if v == null then "null"
        else if isPath v then toString v
        else if isFunction v then showFunction v
        else if isList v then
          (if v == [ ] then "[ ]" else "[${open}${concatStringsSep sepr (map (go inner) v)}${close}]")
        else if isAttrs v then
          (if allowPrettyValues && v ? __pretty && v ? val then v.__pretty v.val
          else if (v.type or null) == "derivation" then "<derivation ${v.name or "?"}>"
          else if attrNames v == [ ] then "{ }"
          else "{${open}${concatStringsSep sepr (map (n: "${escapeNixIdentifier n} = ${go inner v.${n}};") (attrNames v))}${close}}")
        else "<${typeOf v}>";
      showString = ind: s:
        let lines = lib.strings.splitString "\n" s; in
        if multiline && length lines > 1 then
          "''\n" + concatStringsSep "\n" (map (l: if l == "" then "" else "${ind}  ${escapeIndented l}") lines) + "${ind}''"
        else escapeNixString s;
      escapeIndented = builtins.replaceStrings [ "''" "\${" ] [ "'''" "''\${" ];
      showFunction = f:
        let args = lib.trivial.functionArgs f; names = attrNames args; in
        if names == [ ] then "<function>"
        else "<function, args: {${concatStringsSep ", " (map (n: if args.${n} then "${n}?" else n) names)}}>";
    in
    go indent;
}
