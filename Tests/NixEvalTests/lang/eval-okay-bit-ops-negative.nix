with builtins; [ (bitAnd (-8) 7) (bitOr (-8) 7) (bitXor (-1) (-1)) (bitXor 5 (-6)) ]
