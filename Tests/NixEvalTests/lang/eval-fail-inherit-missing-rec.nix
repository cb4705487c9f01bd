let s = { a = 1; }; in (rec   # a comment holding {
  { inherit (s) a nope; }).nope
