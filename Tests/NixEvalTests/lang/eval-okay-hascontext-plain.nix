with builtins; [ (hasContext "plain") (hasContext "") (hasContext "${"x"}") ]
