# Roost's attribute-set functions, under the names NixOS users know
# (mapAttrs', filterAttrs, recursiveUpdate, attrByPath, setAttrByPath, ...).
# Plain Nix over builtins.
{ lib }:
let
  inherit (builtins) attrNames attrValues listToAttrs mapAttrs isAttrs hasAttr
    getAttr filter length head tail elemAt foldl' concatMap removeAttrs;
in
rec {
  inherit (builtins) attrNames attrValues listToAttrs mapAttrs hasAttr getAttr
    removeAttrs intersectAttrs catAttrs zipAttrsWith isAttrs;

  nameValuePair = name: value: { inherit name value; };

  # Follows `path` into `set`; `default` when any step is missing.
  attrByPath = path: default: set:
    let
      n = length path;
      go = i: s:
        if i == n then s
        else let k = elemAt path i; in
          if isAttrs s && s ? ${k} then go (i + 1) s.${k} else default;
    in
    go 0 set;

  hasAttrByPath = path: set:
    let
      n = length path;
      go = i: s: i == n || (let k = elemAt path i; in isAttrs s && s ? ${k} && go (i + 1) s.${k});
    in
    go 0 set;

  getAttrFromPath = path: set:
    if hasAttrByPath path set then attrByPath path null set
    else throw "cannot find attribute `${lib.concatStringsSep "." path}'";

  setAttrByPath = path: value:
    lib.lists.foldr (name: inner: { ${name} = inner; }) value path;

  attrVals = names: set: map (n: set.${n}) names;

  filterAttrs = pred: set:
    removeAttrs set (filter (n: !(pred n set.${n})) (attrNames set));

  filterAttrsRecursive = pred: set:
    listToAttrs (concatMap
      (name:
        let v = set.${name}; in
        if pred name v then [ (nameValuePair name (if isAttrs v then filterAttrsRecursive pred v else v)) ]
        else [ ])
      (attrNames set));

  mapAttrs' = f: set: listToAttrs (map (n: f n set.${n}) (attrNames set));
  mapAttrsToList = f: set: map (n: f n set.${n}) (attrNames set);
  attrsToList = mapAttrsToList nameValuePair;
  concatMapAttrs = f: set: foldl' (acc: n: acc // f n set.${n}) { } (attrNames set);
  foldlAttrs = f: init: set: foldl' (acc: n: f acc n set.${n}) init (attrNames set);

  foldAttrs = op: nul: sets:
    foldl' (acc: s: acc // mapAttrs (n: v: op v (acc.${n} or nul)) s) { } (lib.lists.reverseList sets);

  mapAttrsRecursiveCond = cond: f: set:
    let
      go = path: s: mapAttrs
        (n: v: if isAttrs v && cond v then go (path ++ [ n ]) v else f (path ++ [ n ]) v)
        s;
    in
    go [ ] set;
  mapAttrsRecursive = mapAttrsRecursiveCond (_: true);

  collect = pred: v:
    if pred v then [ v ]
    else if isAttrs v then concatMap (collect pred) (attrValues v)
    else [ ];

  genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);
  optionalAttrs = cond: set: if cond then set else { };

  zipAttrsWithNames = names: f: sets:
    listToAttrs (map (n: nameValuePair n (f n (builtins.catAttrs n sets))) names);
  zipAttrs = builtins.zipAttrsWith (_: values: values);

  # Merges `rhs` into `lhs`, descending while both sides are sets and `pred`
  # (given the path and both values) does not stop it.
  recursiveUpdateUntil = pred: lhs: rhs:
    let
      go = path: l: r:
        l // mapAttrs
          (n: rv:
            let p = path ++ [ n ]; in
            if l ? ${n} && isAttrs rv && isAttrs l.${n} && !(pred p l.${n} rv)
            then go p l.${n} rv
            else rv)
          r;
    in
    go [ ] lhs rhs;
  recursiveUpdate = recursiveUpdateUntil (_: l: r: !(isAttrs l && isAttrs r));

  matchAttrs = pattern: set:
    lib.lists.all
      (n: set ? ${n} && (if isAttrs pattern.${n} && isAttrs set.${n}
      then matchAttrs pattern.${n} set.${n} else pattern.${n} == set.${n}))
      (attrNames pattern);

  overrideExisting = old: new: mapAttrs (n: v: new.${n} or v) old;

  unionOfDisjoint = a: b:
    let clash = attrNames (builtins.intersectAttrs a b); in
    if clash == [ ] then a // b
    else throw "lib.unionOfDisjoint: both sets define ${lib.concatStringsSep ", " clash}";

  cartesianProduct = set:
    foldl'
      (acc: n: concatMap (partial: map (v: partial // { ${n} = v; }) set.${n}) acc)
      [ { } ]
      (attrNames set);
  cartesianProductOfSets = cartesianProduct;

  isDerivation = v: isAttrs v && (v.type or null) == "derivation";

  toDerivation = path:
    let p = builtins.toString path; in
    { type = "derivation"; name = baseNameOf p; outPath = p; outputs = [ "out" ]; out = toDerivation path; outputName = "out"; };

  getOutput = output: pkg: if pkg ? outputSpecified && pkg.outputSpecified then pkg else pkg.${output} or pkg.out or pkg;
  getBin = getOutput "bin";
  getLib = getOutput "lib";
  getDev = getOutput "dev";
  getMan = getOutput "man";

  # The program a package is run as: `meta.mainProgram`, else its name.
  getExe = pkg: getExe' pkg (pkg.meta.mainProgram or (lib.strings.getName pkg));
  getExe' = pkg: program: "${getBin pkg}/bin/${program}";

  mapAttrsFlatten = mapAttrsToList;

  recurseIntoAttrs = set: set // { recurseForDerivations = true; };
  dontRecurseIntoAttrs = set: set // { recurseForDerivations = false; };

  showAttrPath = path: if path == [ ] then "<root attribute path>" else lib.options.showOption path;
}
