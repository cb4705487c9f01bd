let s = {
  first = 1;
    second = 2;
}; in [ (builtins.unsafeGetAttrPos "first" s) (builtins.unsafeGetAttrPos "second" s) (builtins.unsafeGetAttrPos "none" s) ]
