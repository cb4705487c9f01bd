# inherit of a variable whose name is not UTF-8 (quoted, as nix shows it).
{ inherit "é"; }
