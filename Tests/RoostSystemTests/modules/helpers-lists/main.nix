# The list helpers modules lean on.
let lib = import <roost/lib>; in
with lib; {
  optional = [ (optional true 1) (optional false 1) ];
  optionals = [ (optionals true [ 1 2 ]) (optionals false [ 1 2 ]) ];
  flatten = flatten [ 1 [ 2 [ 3 [ ] ] ] 4 ];
  unique = unique [ 3 1 3 2 1 ];
  foldl = foldl (acc: x: acc ++ [ x ]) [ 0 ] [ 1 2 ];
  foldr = foldr (x: acc: [ x ] ++ acc) [ 9 ] [ 1 2 ];
  imap0 = imap0 (i: x: "${toString i}${x}") [ "a" "b" ];
  imap1 = imap1 (i: x: "${toString i}${x}") [ "a" "b" ];
  concatMap = concatMap (x: [ x x ]) [ 1 2 ];
  singleton = singleton "x";
  forEach = forEach [ 1 2 ] (x: x * 10);
  findFirst = [ (findFirst (x: x > 1) null [ 1 2 3 ]) (findFirst (x: x > 5) "none" [ 1 ]) ];
  findSingle = [ (findSingle (x: x == 2) "none" "many" [ 1 2 ]) (findSingle (x: x > 0) "none" "many" [ 1 2 ]) ];
  count = count (x: x > 1) [ 1 2 3 ];
  range = range 2 5;
  remove = remove 2 [ 1 2 3 2 ];
  partition = partition (x: x > 1) [ 1 2 3 ];
  groupBy = groupBy (x: if x > 1 then "big" else "small") [ 1 2 3 ];
  zipLists = zipLists [ 1 2 3 ] [ "a" "b" ];
  zipListsWith = zipListsWith (a: b: a + b) [ 1 2 ] [ 10 20 30 ];
  reverseList = reverseList [ 1 2 3 ];
  take = take 2 [ 1 2 3 ];
  drop = drop 2 [ 1 2 3 ];
  sublist = sublist 1 2 [ 1 2 3 4 ];
  last = last [ 1 2 3 ];
  init = init [ 1 2 3 ];
  toList = [ (toList 1) (toList [ 1 ]) ];
  intersectLists = intersectLists [ 1 2 3 ] [ 2 3 4 ];
  subtractLists = subtractLists [ 1 2 ] [ 1 2 3 ];
  mutuallyExclusive = [ (mutuallyExclusive [ 1 ] [ 2 ]) (mutuallyExclusive [ 1 ] [ 1 ]) ];
  all = all (x: x > 0) [ 1 2 ];
  any = any (x: x > 1) [ 1 2 ];
  sort = sort (a: b: a < b) [ 3 1 2 ];
  sortOn = sortOn (x: x.k) [ { k = 2; } { k = 1; } ];
  naturalSort = naturalSort [ "a10" "a2" "a1" ];
  crossLists = crossLists (a: b: "${a}${b}") [ [ "x" "y" ] [ "1" "2" ] ];
  replicate = replicate 3 "z";
  compareLists = [ (compareLists compare [ 1 2 ] [ 1 3 ]) (compareLists compare [ 1 ] [ 1 ]) ];
  toposort = toposort (a: b: a < b) [ 3 1 2 ];
  allUnique = [ (allUnique [ 1 2 ]) (allUnique [ 1 1 ]) ];
  ifilter0 = ifilter0 (i: x: i != 1) [ "a" "b" "c" ];
  commonPrefix = lists.commonPrefix [ 1 2 3 ] [ 1 2 4 ];
}
