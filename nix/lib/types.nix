# Option types: how a type is made (mkOptionType), how two declarations of
# one option combine their types, and the basic (non-nesting) types.
# Nesting types are in types-compound.nix, module types in types-modules.nix;
# all of them are exported together as `lib.types`.
#
# A type is a set with `_type = "option-type"`, a `check` run on every
# definition value, a `merge loc defs` that combines the checked definitions,
# and a `description` phrased for messages ("list of string"). Its
# `descriptionClass` says how it reads inside another description: "noun"
# and "composite" phrases need no parentheses after "list of"; "conjunction"
# phrases ("null or string") need them in some places.
{ lib }:
let
  inherit (builtins) isInt isFloat isString isBool isAttrs isList isPath isFunction
    match elem length head all any foldl' toJSON concatStringsSep attrNames;
  inherit (lib.options) mergeEqualOption mergeOneOption mergeDefaultOption showOption showDefs getValues;

  types = basic // import ./types-compound.nix { inherit lib; }
    // import ./types-modules.nix { inherit lib; };

  basic = rec {
    isType = name: v: isAttrs v && (v._type or null) == name;
    setType = name: v: v // { _type = name; };
    isOptionType = isType "option-type";

    # What `functor` says about a type when its maker gave nothing: its name,
    # and the type itself as what merging two of them yields.
    defaultFunctor = name: {
      inherit name;
      type = types.${name} or null;
      wrapped = null;
      payload = null;
      binOp = _: _: null;
    };

    # Combines two declarations' types described by functors `f` and `g`:
    # same name and nothing inside → the type itself; wrapped element types →
    # merge those; payloads (enum values, submodule modules) → binOp.
    # null means "these cannot be combined".
    defaultTypeMerge = f: g:
      if f.name != g.name then null
      else if f.wrapped != null && g.wrapped != null then
        (let inner = f.wrapped.typeMerge g.wrapped.functor; in
        if inner == null then null else f.type inner)
      else if f.payload != null || g.payload != null then
        (if f.payload == null || g.payload == null then null
        else let p = f.binOp f.payload g.payload; in if p == null then null else f.type p)
      else if f.wrapped == null && g.wrapped == null then f.type
      else null;

    mkOptionType =
      { name
      , description ? null
      , descriptionClass ? null
      , check ? (_: true)
      , merge ? mergeDefaultOption
      , emptyValue ? { }
      , getSubOptions ? (_: { })
      , getSubModules ? null
      , substSubModules ? (_: null)
      , typeMerge ? null
      , functor ? null
      , deprecationMessage ? null
      , nestedTypes ? { }
      # Roost: merging one checked definition gives exactly its value, so
      # list elements of this type can skip per-element merging.
      , plainValue ? false
      }:
      let
        self = {
          _type = "option-type";
          inherit name check merge emptyValue getSubOptions getSubModules substSubModules
            deprecationMessage nestedTypes descriptionClass plainValue;
          description = if description == null then name else description;
          functor = if functor == null then (defaultFunctor name) // { type = self; } else functor;
          typeMerge = if typeMerge == null then defaultTypeMerge self.functor else typeMerge;
        };
      in
      self;

    # How `t` reads after "list of", "null or" and the like: bare when its
    # class is accepted, parenthesised otherwise.
    optionDescriptionPhrase = accepts: t:
      if accepts (t.descriptionClass or null) then t.description else "(${t.description})";

    addCheck = t: extra: t // { check = x: t.check x && extra x; };

    # -- basic types --------------------------------------------------------

    plain = attrs: mkOptionType ({ descriptionClass = "noun"; merge = mergeEqualOption; plainValue = true; } // attrs);

    raw = mkOptionType { name = "raw"; description = "raw value"; descriptionClass = "noun"; merge = mergeOneOption; };
    unspecified = mkOptionType { name = "unspecified"; description = "unspecified value"; descriptionClass = "noun"; };
    anything = mkOptionType {
      name = "anything";
      description = "anything";
      descriptionClass = "noun";
      merge = mergeAnything;
    };

    bool = plain { name = "bool"; description = "boolean"; check = isBool; };
    boolByOr = plain {
      name = "boolByOr";
      description = "boolean (merged using or)";
      check = isBool;
      merge = _: defs: any (d: d.value) defs;
    };

    int = plain { name = "int"; description = "signed integer"; check = isInt; };
    ints =
      let
        range = name: description: lo: hi: plain {
          inherit name description;
          check = x: isInt x && x >= lo && x <= hi;
        };
        unsignedBits = bits: hi: range "unsignedInt${toString bits}" "${toString bits} bit unsigned integer" 0 hi;
        signedBits = bits: lo: hi: range "signedInt${toString bits}" "${toString bits} bit signed integer" lo hi;
      in
      {
        between = lo: hi:
          if lo > hi then throw "types.ints.between: the lower bound ${toString lo} is greater than the upper bound ${toString hi}"
          else range "intBetween" "integer between ${toString lo} and ${toString hi} (both inclusive)" lo hi;
        unsigned = plain { name = "unsignedInt"; description = "unsigned integer, meaning >=0"; check = x: isInt x && x >= 0; };
        positive = plain { name = "positiveInt"; description = "positive integer, meaning >0"; check = x: isInt x && x > 0; };
        u8 = unsignedBits 8 255;
        u16 = unsignedBits 16 65535;
        u32 = unsignedBits 32 4294967295;
        s8 = signedBits 8 (-128) 127;
        s16 = signedBits 16 (-32768) 32767;
        s32 = signedBits 32 (-2147483648) 2147483647;
      };
    port = ints.u16;

    float = plain { name = "float"; description = "floating point number"; check = isFloat; };
    number = types.either int float;
    numbers =
      let
        showNumber = n: if isInt n then toString n else toJSON n;
        isNumber = x: isInt x || isFloat x;
        range = name: description: check: plain { inherit name description; check = x: isNumber x && check x; };
      in
      {
        between = lo: hi:
          if lo > hi then throw "types.numbers.between: the lower bound is greater than the upper bound"
          else range "numberBetween" "integer or floating point number between ${showNumber lo} and ${showNumber hi} (both inclusive)" (x: x >= lo && x <= hi);
        nonnegative = range "numberNonnegative" "integer or floating point number, meaning >=0" (x: x >= 0);
        positive = range "numberPositive" "integer or floating point number, meaning >0" (x: x > 0);
      };

    str = plain { name = "str"; description = "string"; check = isString; };
    nonEmptyStr = plain {
      name = "nonEmptyStr";
      description = "non-empty string";
      check = x: isString x && match "[ \t\n]*" x == null;
    };
    singleLineStr = plain {
      name = "singleLineStr";
      description = "(optionally newline-terminated) single-line string";
      check = x: isString x && match "[^\n\r]*\n?" x != null;
      merge = loc: defs: lib.strings.removeSuffix "\n" (mergeEqualOption loc defs);
      plainValue = false;
    };
    strMatching = pattern: plain {
      name = "strMatching ${toJSON pattern}";
      description = "string matching the pattern ${pattern}";
      check = x: isString x && match pattern x != null;
    };

    # Strings that may be defined several times and are joined with `sep`.
    separatedString = sep: mkOptionType {
      name = "separatedString";
      description = if sep == "" then "Concatenated string" else "strings concatenated with ${toJSON sep}";
      descriptionClass = "noun";
      check = isString;
      merge = _: defs: concatStringsSep sep (getValues defs);
      functor = (defaultFunctor "separatedString") // {
        type = separatedString;
        payload = sep;
        binOp = a: b: if a == b then a else null;
      };
    };
    lines = separatedString "\n";
    commas = separatedString ",";
    envVar = separatedString ":";

    passwdEntry = t: addCheck t (x: isString x && match "[^\n:]*" x != null) // {
      name = "passwdEntry ${t.name}";
      description = "${optionDescriptionPhrase (c: c == "noun") t}, not containing newlines or colons";
    };

    attrs = mkOptionType {
      name = "attrs";
      description = "attribute set";
      descriptionClass = "noun";
      check = isAttrs;
      merge = _: defs: foldl' (acc: d: acc // d.value) { } defs;
      emptyValue = { value = { }; };
    };

    # Absolute paths: path values, strings starting with "/", packages.
    path = plain {
      name = "path";
      description = "path";
      check = x: lib.strings.isStringLike x && builtins.substring 0 1 (toString x) == "/";
    };

    # A package: a derivation, or (Roost's host packages) any set with an
    # `outPath`, or a store path string.
    package = plain {
      name = "package";
      description = "package";
      check = x: (isAttrs x && (x.type or null == "derivation" || x ? outPath)) || lib.strings.isStorePath x;
      plainValue = false;
    };
    shellPackage = addCheck package (x: isAttrs x && x ? shellPath) // {
      name = "shellPackage";
      description = "shell package";
    };

    enum = values:
      let
        show = v:
          if isString v then ''"${v}"''
          else if isInt v then toString v
          else if isBool v then lib.trivial.boolToString v
          else "<${builtins.typeOf v}>";
        n = length values;
      in
      plain {
        name = "enum";
        description =
          if n == 0 then "impossible (empty enum)"
          else if n == 1 then "value ${show (head values)} (singular enum)"
          else "one of ${concatStringsSep ", " (map show values)}";
        descriptionClass = if n < 2 then "noun" else "conjunction";
        check = v: elem v values;
        functor = (defaultFunctor "enum") // {
          type = enum;
          payload = values;
          binOp = a: b: lib.lists.unique (a ++ b);
        };
      };

    # Any type, as a value: what `_module.freeformType` holds.
    optionType = mkOptionType {
      name = "optionType";
      description = "option type";
      descriptionClass = "noun";
      check = isOptionType;
      merge = loc: defs:
        foldl'
          (acc: d:
            let m = acc.typeMerge d.value.functor; in
            if m == null
            then throw "The option `${showOption loc}' has type definitions that cannot be combined: `${acc.description}' and `${d.value.description}'.${showDefs defs}"
            else m)
          (head defs).value
          (builtins.tail defs);
    };

    # Merges anything: sets attribute by attribute, functions by merging their
    # results; every other value must be the same in all definitions.
    mergeAnything = loc: defs:
      let
        kind = v:
          if isAttrs v && !(lib.strings.isStringLike v) then "set"
          else if isFunction v then "function"
          else builtins.typeOf v;
        kinds = lib.lists.unique (map (d: kind d.value) defs);
        k = head kinds;
      in
      if length kinds > 1 then
        throw "The option `${showOption loc}' has definitions of different kinds (${concatStringsSep ", " kinds}); they cannot be merged.${showDefs defs}"
      else if k == "set" then (types.attrsOf anything).merge loc defs
      else if k == "function" then
        x: mergeAnything (loc ++ [ "<function body>" ]) (map (d: d // { value = d.value x; }) defs)
      else mergeEqualOption loc defs;
  };
in
types
