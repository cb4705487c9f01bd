# Laziness as a data structure: infinite streams built from attribute sets,
# primes by trial division, memoised Fibonacci through a lazy list.
let
  iterate = f: x: { head = x; tail = iterate f (f x); };
  take = n: s: if n == 0 then [ ] else [ s.head ] ++ take (n - 1) s.tail;
  filterS = p: s: if p s.head then { head = s.head; tail = filterS p s.tail; } else filterS p s.tail;
  mapS = f: s: { head = f s.head; tail = mapS f s.tail; };
  nats = iterate (n: n + 1) 0;
  isPrime = n: n >= 2 && builtins.all (d: n - n / d * d != 0) (builtins.filter (d: d * d <= n) (builtins.genList (i: i + 2) n));
  fibs = builtins.genList (i: if i < 2 then i else builtins.elemAt fibs (i - 1) + builtins.elemAt fibs (i - 2)) 90;
in
{
  squares = take 8 (mapS (n: n * n) nats);
  primes = take 15 (filterS isPrime nats);
  fib89 = builtins.elemAt fibs 89;
  unused = throw "never forced";
}.primes
