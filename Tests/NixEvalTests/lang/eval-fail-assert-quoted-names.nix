# A failed assertion shows names that are not identifiers quoted, as Nix does.
assert (let "a b" = 1; in { inherit "a b"; "if" = 2; or = 3; c.d = ({ }).${"e f"}; }) == {}; 1
