# The attribute-set helpers modules lean on.
let
  lib = import <roost/lib>;
  s = { a = 1; b = 2; c = { d = 3; e = { f = 4; }; }; };
in
with lib; {
  mapAttrs' = mapAttrs' (n: v: nameValuePair "x-${n}" v) { a = 1; b = 2; };
  filterAttrs = filterAttrs (n: v: v > 1) { a = 1; b = 2; c = 3; };
  filterAttrsRecursive = filterAttrsRecursive (n: v: n != "e") s;
  recursiveUpdate = recursiveUpdate s { c.e.g = 5; c.d = 30; z = 0; };
  recursiveUpdateUntil = recursiveUpdateUntil (path: l: r: path == [ "c" ]) s { c.x = 1; };
  attrByPath = [ (attrByPath [ "c" "e" "f" ] 0 s) (attrByPath [ "c" "nope" ] "fallback" s) ];
  hasAttrByPath = [ (hasAttrByPath [ "c" "d" ] s) (hasAttrByPath [ "c" "d" "x" ] s) ];
  getAttrFromPath = getAttrFromPath [ "c" "e" ] s;
  setAttrByPath = setAttrByPath [ "a" "b" "c" ] 1;
  optionalAttrs = [ (optionalAttrs true { x = 1; }) (optionalAttrs false { x = 1; }) ];
  genAttrs = genAttrs [ "x" "y" ] (n: "v-${n}");
  mapAttrsToList = mapAttrsToList (n: v: "${n}=${toString v}") { a = 1; b = 2; };
  attrsToList = attrsToList { a = 1; };
  concatMapAttrs = concatMapAttrs (n: v: { "${n}1" = v; "${n}2" = v * 2; }) { a = 1; b = 2; };
  foldlAttrs = foldlAttrs (acc: n: v: acc + v) 10 { a = 1; b = 2; };
  foldAttrs = foldAttrs (item: acc: [ item ] ++ acc) [ ] [ { a = 1; } { a = 2; b = 3; } ];
  mapAttrsRecursive = mapAttrsRecursive (path: v: concatStringsSep "." path) s;
  collect = collect builtins.isInt s;
  zipAttrsWith = zipAttrsWith (n: vs: vs) [ { a = 1; } { a = 2; b = 3; } ];
  zipAttrs = zipAttrs [ { a = 1; } { a = 2; } ];
  attrVals = attrVals [ "a" "b" ] s;
  catAttrs = catAttrs "a" [ { a = 1; } { b = 0; } { a = 2; } ];
  matchAttrs = [ (matchAttrs { c.d = 3; } s) (matchAttrs { c.d = 4; } s) ];
  overrideExisting = overrideExisting { a = 1; b = 2; } { b = 20; c = 30; };
  cartesianProduct = cartesianProduct { a = [ 1 2 ]; b = [ "x" "y" ]; };
  isDerivation = [ (isDerivation { type = "derivation"; }) (isDerivation { }) ];
  unionOfDisjoint = unionOfDisjoint { a = 1; } { b = 2; };
  showAttrPath = showAttrPath [ "services" "my-web" "enable" ];
  getExe = [ (getExe { name = "hello-2.12"; outPath = "/usr"; }) (getExe { pname = "openssh"; outPath = "/usr"; meta.mainProgram = "ssh"; }) (getExe' { outPath = "/usr"; } "sshd") ];
  mapAttrsFlatten = mapAttrsFlatten (n: v: n) { a = 1; };
}
