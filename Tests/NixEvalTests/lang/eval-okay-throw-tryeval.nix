with builtins; [ (tryEval 1) (tryEval (throw "caught")) (tryEval (assert false; 1)) (tryEval { a = throw "shallow"; }).success ]
