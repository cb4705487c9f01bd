with builtins; [ (toString [ [ 1 2 ] [ ] [ 3 ] ]) (toString [ "" "" ]) (toString [ null ]) (toString [ true false ]) (toString 1.5) ]
