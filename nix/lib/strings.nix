# Roost's string functions, under the names NixOS users know
# (concatStringsSep, optionalString, hasPrefix, splitString, escapeShellArg,
# toUpper, levenshtein, ...). Plain Nix over builtins; strings are bytes, so
# the case and character functions cover ASCII only.
{ lib }:
let
  inherit (builtins) stringLength substring genList length elemAt head filter
    replaceStrings match split isString isList isAttrs isPath foldl' concatStringsSep;
  inherit (lib.lists) imap1 imap0;
in
rec {
  inherit (builtins) stringLength substring concatStringsSep replaceStrings match split
    isString compareVersions parseDrvName splitVersion hasContext unsafeDiscardStringContext
    toString;

  concatStrings = concatStringsSep "";
  concatMapStrings = f: list: concatStrings (map f list);
  concatImapStrings = f: list: concatStrings (imap1 f list);
  concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);
  concatImapStringsSep = sep: f: list: concatStringsSep sep (imap1 f list);
  concatLines = list: concatMapStrings (s: s + "\n") list;
  intersperse = sep: list:
    if list == [ ] then [ ] else [ (head list) ] ++ builtins.concatMap (x: [ sep x ]) (builtins.tail list);
  replicate = n: s: concatStrings (genList (_: s) n);

  optionalString = cond: s: if cond then s else "";

  hasPrefix = prefix: s: substring 0 (stringLength prefix) s == prefix;
  hasSuffix = suffix: s:
    let ls = stringLength s; lx = stringLength suffix; in
    ls >= lx && substring (ls - lx) lx s == suffix;
  hasInfix = infix: s: match ".*${escapeRegex infix}.*" s != null;

  removePrefix = prefix: s:
    if hasPrefix prefix s then substring (stringLength prefix) (stringLength s) s else s;
  removeSuffix = suffix: s:
    if hasSuffix suffix s then substring 0 (stringLength s - stringLength suffix) s else s;

  stringToCharacters = s: genList (i: substring i 1 s) (stringLength s);
  stringAsChars = f: s: concatMapStrings f (stringToCharacters s);

  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  toLower = replaceStrings upperChars lowerChars;
  toUpper = replaceStrings lowerChars upperChars;
  toSentenceCase = s: toUpper (substring 0 1 s) + toLower (substring 1 (stringLength s) s);

  escape = chars: replaceStrings chars (map (c: "\\${c}") chars);
  escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");

  # Safe words stay bare; anything else is single-quoted for a POSIX shell.
  escapeShellArg = arg:
    let s = toString arg; in
    if match "[[:alnum:],._+:@%/-]+" s != null then s
    else "'${replaceStrings [ "'" ] [ "'\\''" ] s}'";
  escapeShellArgs = list: concatMapStringsSep " " escapeShellArg list;

  escapeNixString = s: "\"${replaceStrings [ "\\" "\"" "\n" "\r" "\t" "\${" ] [ "\\\\" "\\\"" "\\n" "\\r" "\\t" "\\\${" ] s}\"";
  isValidNixIdentifier = s: match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null;
  escapeNixIdentifier = s: if isValidNixIdentifier s then s else escapeNixString s;
  escapeXML = replaceStrings [ "&" "<" ">" "\"" "'" ] [ "&amp;" "&lt;" "&gt;" "&quot;" "&apos;" ];

  # The printable ASCII characters, to map characters to codes.
  asciiTable = builtins.listToAttrs (imap0 (i: c: { name = c; value = i + 32; })
    (stringToCharacters " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"));
  charToInt = c:
    if c == "\t" then 9 else if c == "\n" then 10 else if c == "\r" then 13
    else asciiTable.${c} or (throw "lib.strings.charToInt: `${c}' is not a printable ASCII character");

  hexByte = n: let h = lib.trivial.toHexString n; in if stringLength h < 2 then "0${h}" else h;
  escapeC = chars: replaceStrings chars (map (c: "\\x${toLower (hexByte (charToInt c))}") chars);
  escapeURL =
    let
      keep = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
      encoded = filter (c: !(builtins.elem c keep)) (builtins.attrNames asciiTable);
    in
    replaceStrings encoded (map (c: "%${hexByte (charToInt c)}") encoded);

  splitString = sep: s: filter isString (split (escapeRegex sep) (toString s));

  trimWith = { start ? false, end ? false }: s:
    let
      pattern =
        if start && end then "[[:space:]]*(.*[^[:space:]])[[:space:]]*"
        else if start then "[[:space:]]*(.*)"
        else if end then "(.*[^[:space:]])[[:space:]]*"
        else "(.*)";
      m = match pattern s;
    in
    if m == null then "" else head m;
  trim = trimWith { start = true; end = true; };

  versionOlder = a: b: compareVersions b a == 1;
  versionAtLeast = a: b: !(versionOlder a b);

  getName = x: if isString x then (parseDrvName x).name else x.pname or (parseDrvName x.name).name;
  getVersion = x: if isString x then (parseDrvName x).version else x.version or (parseDrvName x.name).version;

  enableFeature = on: feature: "--${if on then "enable" else "disable"}-${feature}";
  enableFeatureAs = on: feature: value: enableFeature on feature + optionalString on "=${value}";
  withFeature = on: feature: "--${if on then "with" else "without"}-${feature}";
  withFeatureAs = on: feature: value: withFeature on feature + optionalString on "=${value}";

  fixedWidthString = width: filler: s:
    let missing = width - stringLength s; in
    if missing <= 0 then s else replicate missing filler + s;
  fixedWidthNumber = width: n: fixedWidthString width "0" (toString n);
  floatToString = f: toString f;

  isStringLike = x: isString x || isPath x || (isAttrs x && (x ? outPath || x ? __toString));
  isCoercibleToString = x: isStringLike x || builtins.isInt x || builtins.isFloat x || builtins.isBool x
    || x == null || (isList x && builtins.all isCoercibleToString x);
  isStorePath = x:
    isStringLike x && (
      let s = toString x; dir = builtins.storeDir + "/"; in
      hasPrefix dir s && match "[^/]+" (removePrefix dir s) != null);

  toIntBase10 = s:
    let m = match "[[:space:]]*(-?)0*([0-9]+)[[:space:]]*" s; in
    if m == null then throw "lib.strings.toIntBase10: `${s}' is not a decimal integer"
    else let n = builtins.fromJSON (elemAt m 1); in if head m == "-" then 0 - n else n;
  toInt = s:
    if match "[[:space:]]*-?0[0-9]+[[:space:]]*" s != null
    then throw "lib.strings.toInt: `${s}' has a leading zero; use toIntBase10 to read it as decimal"
    else if match "[[:space:]]*-?[0-9]+[[:space:]]*" s == null
    then throw "lib.strings.toInt: `${s}' is not an integer"
    else toIntBase10 s;

  fileContents = file: removeSuffix "\n" (builtins.readFile file);

  makeSearchPath = subDir: paths:
    concatStringsSep ":" (map (p: "${toString p}/${subDir}") (filter (p: p != null) paths));
  makeSearchPathOutput = output: subDir: pkgs:
    makeSearchPath subDir (map (lib.attrsets.getOutput output) pkgs);
  makeBinPath = makeSearchPathOutput "bin" "bin";
  makeLibraryPath = makeSearchPathOutput "lib" "lib";

  toShellVar = name: value:
    if isList value then "${name}=(${escapeShellArgs value})"
    else if isAttrs value && !(isStringLike value) then
      "declare -A ${name}=(${concatStringsSep " " (lib.attrsets.mapAttrsToList
        (k: v: "[${escapeShellArg k}]=${escapeShellArg v}") value)})"
    else "${name}=${escapeShellArg value}";
  toShellVars = vars: concatLines (lib.attrsets.mapAttrsToList toShellVar vars);

  commonPrefixLength = a: b:
    let
      n = lib.trivial.min (stringLength a) (stringLength b);
      go = i: if i < n && substring i 1 a == substring i 1 b then go (i + 1) else i;
    in
    go 0;
  commonSuffixLength = a: b:
    let
      la = stringLength a; lb = stringLength b;
      n = lib.trivial.min la lb;
      go = i: if i < n && substring (la - i - 1) 1 a == substring (lb - i - 1) 1 b then go (i + 1) else i;
    in
    go 0;

  # Edit distance (insertions, deletions, substitutions), one row at a time.
  # Used to suggest option names; meant for short strings.
  levenshtein = a: b:
    let
      ca = stringToCharacters a;
      cb = stringToCharacters b;
      nb = length cb;
      nextRow = prev: i: ch:
        (foldl'
          (acc: j:
            let
              cost = if ch == elemAt cb (j - 1) then 0 else 1;
              best = lib.trivial.min (lib.trivial.min (elemAt prev j + 1) (acc.left + 1)) (elemAt prev (j - 1) + cost);
            in
            { left = best; row = acc.row ++ [ best ]; })
          { left = i; row = [ i ]; }
          (lib.lists.range 1 nb)).row;
      final = foldl' (prev: p: nextRow prev p.i p.ch) (genList (j: j) (nb + 1))
        (imap1 (i: ch: { inherit i ch; }) ca);
    in
    elemAt final nb;
  levenshteinAtMost = k: a: b:
    let d = stringLength a - stringLength b; in
    (if d < 0 then 0 - d else d) <= k && levenshtein a b <= k;

  normalizePath = s: foldl' (acc: c: if c == "/" && lib.strings.hasSuffix "/" acc then acc else acc + c) "" (stringToCharacters s);
}
