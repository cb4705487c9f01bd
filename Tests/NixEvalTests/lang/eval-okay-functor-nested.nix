let g = { __functor = self: x: { __functor = s2: y: x * y; }; }; in g 6 7
