# Roost's list functions, under the names NixOS users know (optional,
# optionals, flatten, unique, foldl, imap1, ...). Plain Nix over builtins.
{ lib }:
let
  inherit (builtins) length elemAt genList foldl' filter head tail isList concatLists
    concatMap elem sort;
in
rec {
  inherit (builtins) length elemAt genList foldl' filter head tail isList concatLists
    concatMap elem sort map all any partition groupBy;

  singleton = x: [ x ];
  forEach = xs: f: map f xs;

  foldr = op: nul: list:
    let
      n = length list;
      go = i: if i == n then nul else op (elemAt list i) (go (i + 1));
    in
    go 0;
  fold = foldr;
  foldl = foldl';

  imap0 = f: list: genList (i: f i (elemAt list i)) (length list);
  imap1 = f: list: genList (i: f (i + 1) (elemAt list i)) (length list);
  imap = imap1;
  ifilter0 = pred: list:
    map (i: elemAt list i) (filter (i: pred i (elemAt list i)) (range 0 (length list - 1)));
  concatImap0 = f: list: concatLists (imap0 f list);

  flatten = x: if isList x then concatMap flatten x else [ x ];
  remove = e: filter (x: x != e);

  findFirstIndex = pred: fallback: list:
    let
      n = length list;
      go = i: if i == n then fallback else if pred (elemAt list i) then i else go (i + 1);
    in
    go 0;
  findFirst = pred: fallback: list:
    let i = findFirstIndex pred null list; in if i == null then fallback else elemAt list i;
  findSingle = pred: none: multiple: list:
    let found = filter pred list; n = length found; in
    if n == 0 then none else if n == 1 then head found else multiple;

  count = pred: foldl' (c: x: if pred x then c + 1 else c) 0;
  optional = cond: x: if cond then [ x ] else [ ];
  optionals = cond: xs: if cond then xs else [ ];
  toList = x: if isList x then x else [ x ];
  range = first: last: if first > last then [ ] else genList (i: first + i) (last - first + 1);
  replicate = n: x: genList (_: x) n;

  groupBy' = op: nul: key: list:
    builtins.mapAttrs (_: foldl' op nul) (groupBy key list);

  zipListsWith = f: a: b:
    genList (i: f (elemAt a i) (elemAt b i)) (lib.trivial.min (length a) (length b));
  zipLists = zipListsWith (fst: snd: { inherit fst snd; });

  reverseList = xs: let n = length xs; in genList (i: elemAt xs (n - 1 - i)) n;

  take = n: sublist 0 n;
  drop = n: list: sublist n (length list) list;
  sublist = start: count: list:
    let
      len = length list;
      from = if start < 0 then 0 else start;
      upto = if start + count > len then len else start + count;
    in
    if from >= len || upto <= from then [ ] else genList (i: elemAt list (from + i)) (upto - from);
  last = list:
    if list == [ ] then builtins.throw "lib.last: the list is empty" else elemAt list (length list - 1);
  init = list:
    if list == [ ] then builtins.throw "lib.init: the list is empty" else take (length list - 1) list;

  crossLists = f: lists: map (combo: foldl' (g: x: g x) f combo)
    (foldr (xs: acc: concatMap (x: map (rest: [ x ] ++ rest) acc) xs) [ [ ] ] lists);

  # Keeps the first occurrence of every element, in order. Quadratic, like the
  # NixOS function of the same name; use it on short lists.
  unique = foldl' (acc: x: if elem x acc then acc else acc ++ [ x ]) [ ];
  allUnique = list: length (unique list) == length list;
  intersectLists = a: filter (x: elem x a);
  subtractLists = a: filter (x: !(elem x a));
  mutuallyExclusive = a: b: a == [ ] || !(any (x: elem x a) b);

  compareLists = cmp: a: b:
    if a == [ ] then (if b == [ ] then 0 else -1)
    else if b == [ ] then 1
    else let c = cmp (head a) (head b); in if c == 0 then compareLists cmp (tail a) (tail b) else c;

  sortOn = f: list:
    map (p: p.item) (sort (x: y: x.key < y.key) (map (item: { key = f item; inherit item; }) list));

  naturalSort = sort (a: b: builtins.compareVersions a b < 0);

  hasPrefix = prefix: list: take (length prefix) list == prefix;
  removePrefix = prefix: list:
    if hasPrefix prefix list then drop (length prefix) list
    else builtins.throw "lib.lists.removePrefix: the list does not start with the given prefix";

  commonPrefix = a: b:
    let shorter = lib.trivial.min (length a) (length b); in
    take (findFirstIndex (i: elemAt a i != elemAt b i) shorter (range 0 (shorter - 1))) a;

  # Orders `list` so that `before a b` holds for every earlier a; returns
  # { result } or { cycle; loops } when the relation has a cycle.
  toposort = before: list:
    let
      n = length list;
      indices = range 0 (n - 1);
      # Kahn's algorithm over indices: repeatedly emit an element no remaining
      # element must precede.
      go = remaining: acc:
        if remaining == [ ] then { result = map (i: elemAt list i) acc; }
        else
          let
            free = filter (i: !(any (j: j != i && before (elemAt list j) (elemAt list i)) remaining)) remaining;
          in
          if free == [ ] then { cycle = map (i: elemAt list i) remaining; loops = [ ]; }
          else go (filter (i: i != head free) remaining) (acc ++ [ (head free) ]);
    in
    go indices [ ];
}
