# Long chains of `//`: 20,000 updates of a set that grows to 1,000 names,
# and one 2,000-term literal chain.
let
  step = acc: i: acc // { "k${toString (i - i / 1000 * 1000)}" = i; };
  folded = builtins.foldl' step { } (builtins.genList (i: i) 20000);
  chain = builtins.foldl' (acc: s: acc // s) { } (builtins.genList (i: { "a${toString i}" = i; shared = i; }) 2000);
in
[ (builtins.length (builtins.attrNames folded)) folded.k999 chain.shared (builtins.length (builtins.attrNames chain)) ]
