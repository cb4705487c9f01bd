# Declaring options (mkOption, mkEnableOption, mkPackageOption), the classic
# merge functions types build on, and the helpers that render option paths,
# files and definition values in Roost's error messages.
# Evaluation of options lives in modules.nix; types in types.nix.
{ lib }:
let
  inherit (builtins) isAttrs isString isInt isFloat isBool isList isPath isFunction
    attrNames length head tail filter all concatStringsSep elemAt typeOf tryEval;
  inherit (lib.strings) escapeNixString isValidNixIdentifier;
in
rec {
  isOption = v: isAttrs v && (v._type or null) == "option";

  mkOption =
    { default ? null
    , defaultText ? null
    , example ? null
    , description ? null
    , relatedPackages ? null
    , type ? null
    , apply ? null
    , internal ? null
    , visible ? null
    , readOnly ? null
    } @ attrs:
    attrs // { _type = "option"; };

  mkEnableOption = name: mkOption {
    type = lib.types.bool;
    default = false;
    example = true;
    description = "Whether to enable ${name}.";
  };

  # An option holding a package from `pkgs`, defaulting to `pkgs.<default>`.
  # `name` (and `default`) may be a string or an attribute path (a list).
  mkPackageOption = pkgs: name:
    { nullable ? false
    , default ? name
    , example ? null
    , extraDescription ? ""
    , pkgsText ? "pkgs"
    }:
    let
      namePath = lib.lists.toList name;
      defaultPath = if default == null then null else lib.lists.toList default;
      shown = concatStringsSep "." namePath;
      defaultValue =
        if defaultPath == null then null
        else lib.attrsets.attrByPath defaultPath
          (throw "mkPackageOption: `${pkgsText}.${concatStringsSep "." defaultPath}' does not exist")
          pkgs;
      type = if nullable then lib.types.nullOr lib.types.package else lib.types.package;
    in
    mkOption ({
      inherit type;
      description = "The ${shown} package to use." + lib.strings.optionalString (extraDescription != "") " ${extraDescription}";
    } // lib.attrsets.optionalAttrs (defaultPath != null || nullable) {
      default = defaultValue;
      defaultText = literalExpression
        (if defaultPath == null then "null" else "${pkgsText}.${concatStringsSep "." defaultPath}");
    } // lib.attrsets.optionalAttrs (example != null) {
      example = if isString example then literalExpression "${pkgsText}.${example}" else example;
    });

  mkPackageOptionMD = mkPackageOption;

  # Accepts (and ignores) every definition below where it is declared.
  mkSinkUndeclaredOptions = attrs: mkOption ({
    internal = true;
    visible = false;
    default = false;
    description = "Sink for option definitions.";
    type = lib.types.mkOptionType { name = "sink"; check = _: true; merge = _: _: false; };
    apply = _: throw "This option is a sink and has no value.";
  } // attrs);

  literalExpression = text:
    if !isString text then throw "literalExpression expects a string, not a ${typeOf text}"
    else { _type = "literalExpression"; inherit text; };
  literalExample = literalExpression;
  literalMD = text: { _type = "literalMD"; inherit text; };
  mdDoc = text: text;

  getValues = map (d: d.value);
  getFiles = map (d: d.file);

  # -- merge functions ----------------------------------------------------

  # Merges definitions of an untyped option by the shape of their values.
  mergeDefaultOption = loc: defs:
    let values = getValues defs; in
    if length defs == 1 then head values
    else if all lib.trivial.isFunction values then x: mergeDefaultOption loc (map (d: d // { value = d.value x; }) defs)
    else if all isList values then builtins.concatLists values
    else if all isAttrs values then builtins.foldl' (a: b: a // b) { } values
    else if all isBool values then builtins.any (x: x) values
    else if all isString values then lib.strings.concatStrings values
    else if all isInt values && all (x: x == head values) values then head values
    else throw "The option `${showOption loc}' has definitions that cannot be merged (values of different kinds); set it in one place, or give it a type.${showDefs defs}";

  mergeUniqueOption = { message ? "", merge ? (loc: defs: (head defs).value) }: loc: defs:
    if length defs == 1 then merge loc defs
    else if defs == [ ] then throw "The option `${showOption loc}' has no definitions to merge."
    else throw "The option `${showOption loc}' is defined ${toString (length defs)} times, but it may be defined only once. Keep one definition, or override the others with mkForce.${lib.strings.optionalString (message != "") "\n${message}"}${showDefs defs}";
  mergeOneOption = mergeUniqueOption { };

  mergeEqualOption = loc: defs:
    if defs == [ ] then throw "The option `${showOption loc}' has no definitions to merge."
    else
      let first = head defs; in
      if all (d: d.value == first.value) (tail defs) then first.value
      else throw "The option `${showOption loc}' has conflicting definition values. Keep one, or give one priority with mkForce or mkDefault.${showDefs defs}";

  # -- rendering for messages ---------------------------------------------

  # An option path as users write it: `services.openssh.ports', with names
  # that are not identifiers quoted.
  showOption = loc: concatStringsSep "." (map
    (part:
      if part == "*" || builtins.match "<.+>" part != null || isValidNixIdentifier part
      then part else escapeNixString part)
    loc);

  # Where a definition or declaration is: its file, and its line and column
  # when Nix knows where the attribute was written in that file.
  showLocation = d:
    let pos = d.pos or null; in
    if pos != null && isAttrs pos && pos.file == d.file
    then "${d.file}:${toString pos.line}:${toString pos.column}"
    else d.file;

  showFiles = files:
    let quoted = map (f: "`${f}'") (lib.lists.unique files); n = length quoted; in
    if n == 0 then "<no file>"
    else if n == 1 then head quoted
    else "${concatStringsSep ", " (lib.lists.take (n - 1) quoted)} and ${elemAt quoted (n - 1)}";

  # "Definition values:" followed by one line per definition.
  showDefs = defs:
    "\nDefinition values:" + lib.strings.concatMapStrings
      (d: "\n- In `${showLocation d}': ${showValue 4 d.value}")
      defs;

  # A one-line, depth-limited rendering of a value for error messages. It
  # forces what it shows but survives values that `throw`.
  showValue = depth: value:
    let forced = tryEval value; v = forced.value; in
    if !forced.success then "<error>"
    else if isString v then escapeNixString v
    else if isInt v || isFloat v then toString v
    else if isBool v then lib.trivial.boolToString v
    else if v == null then "null"
    else if isPath v then toString v
    else if isFunction v then "<function>"
    else if isList v then
      (if v == [ ] then "[ ]"
      else if depth == 0 then "[ … ]"
      else "[ ${concatStringsSep " " (map (showValue (depth - 1)) (lib.lists.take 8 v))}${if length v > 8 then " …" else ""} ]")
    else if isAttrs v then showAttrs depth v
    else "<${typeOf v}>";

  showAttrs = depth: v:
    let
      t = v._type or null;
      inner = showValue (if depth == 0 then 0 else depth - 1);
      names = attrNames v;
    in
    if (v.type or null) == "derivation" then "<derivation ${v.name or "?"}>"
    else if t == "if" then "mkIf <condition> ${inner v.content}"
    else if t == "merge" then "mkMerge ${inner v.contents}"
    else if t == "override" then "mkOverride ${toString v.priority} ${inner v.content}"
    else if t == "order" then "mkOrder ${toString v.priority} ${inner v.content}"
    else if t == "option-type" then "<type ${v.description or v.name}>"
    else if t == "option" then "<option>"
    else if names == [ ] then "{ }"
    else if depth == 0 then "{ … }"
    else "{ ${concatStringsSep " " (map (n: "${lib.strings.escapeNixIdentifier n} = ${inner v.${n}};") (lib.lists.take 12 names))}${if length names > 12 then " …" else ""} }";

  unknownModule = "<unknown-file>";

  # -- documentation ---------------------------------------------------------

  # Every option below `options` (descending into submodules) as a list of
  # plain records, for `roost options` and docs.
  optionAttrSetToDocList = optionAttrSetToDocList' [ ];
  optionAttrSetToDocList' = _prefix: options:
    builtins.concatMap
      (opt:
        let
          subOptions =
            let t = opt.type; in
            if t ? getSubOptions then t.getSubOptions opt.loc else { };
          doc = {
            name = showOption opt.loc;
            loc = opt.loc;
            description = opt.description or null;
            declarations = opt.declarations or [ ];
            internal = opt.internal or false;
            # `visible = "shallow"` shows the option but not its sub-options.
            visible = (opt.visible or true) != false;
            readOnly = opt.readOnly or false;
            type = opt.type.description or "unspecified";
          } // lib.attrsets.optionalAttrs (opt ? example) { example = renderOptionValue opt.example; }
            // lib.attrsets.optionalAttrs (opt ? default) { default = renderOptionValue (opt.defaultText or opt.default); };
        in
        [ doc ] ++ (if (opt.visible or true) != true then [ ] else optionAttrSetToDocList' opt.loc subOptions))
      (lib.attrsets.collect isOption options);

  # A default or example as text: literal expressions as written, anything
  # else rendered as Nix.
  # A value that fails to evaluate (a default computed from other options
  # that are not set) is shown as such rather than failing the listing.
  renderOptionValue = v:
    let
      forced = tryEval v;
      literal = isAttrs v && ((v._type or null) == "literalExpression" || (v._type or null) == "literalMD");
      shown = tryEval (lib.generators.toPretty { } v);
    in
    if forced.success && literal then v
    else if forced.success && shown.success then literalExpression shown.value
    else literalExpression "<cannot be shown without a configuration>";
}
