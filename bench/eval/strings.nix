# Heavy string interpolation and concatenation: 200,000 interpolated lines
# joined, plus 3,000 repeated appends to a growing string.
let
  lines = builtins.genList (i: "item ${toString i}: ${toString (i * 2)} / ${"nested ${toString (i + 1)} ${if i / 2 * 2 == i then "even" else "odd"}"}") 200000;
  joined = builtins.concatStringsSep "\n" lines;
  grown = builtins.foldl' (acc: i: acc + "<${toString i}>" + "-") "" (builtins.genList (i: i) 3000);
  replaced = builtins.replaceStrings [ "item" "nested" ] [ "ITEM" "NESTED" ] joined;
in
[ (builtins.stringLength joined) (builtins.stringLength grown) (builtins.stringLength replaced) ]
