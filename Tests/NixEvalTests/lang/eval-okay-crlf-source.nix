let
  a = 1;
  b = ''
    line
  '';
in [ a b ]
