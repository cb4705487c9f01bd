# String processing: parsing a small config format, rendering it back, and
# producing an INI-style file and a JSON document from the same data.
let
  input = ''
    # comment line
    name = roost
    port=8080
    tags = a, b ,c

    [section one]
    key = value with spaces
    empty =
  '';
  lines = builtins.filter (l: builtins.isString l && l != "") (builtins.split "\n" input);
  trim = s: let m = builtins.match "[[:space:]]*(.*[^[:space:]])[[:space:]]*" s; in if m == null then "" else builtins.head m;
  step = state: line:
    let
      t = trim line;
      header = builtins.match "\\[(.*)]" t;
      kv = builtins.match "([^=]*)=(.*)" t;
    in
    if t == "" || builtins.substring 0 1 t == "#" then state
    else if header != null then state // { section = builtins.head header; }
    else if kv != null then
      let key = trim (builtins.elemAt kv 0); value = trim (builtins.elemAt kv 1); in
      state // { entries = state.entries ++ [ { inherit (state) section; inherit key value; } ]; }
    else throw "bad line: ${line}";
  parsed = (builtins.foldl' step { section = "global"; entries = [ ]; } lines).entries;
  grouped = builtins.groupBy (e: e.section) parsed;
  renderSection = name: entries: "[${name}]\n" + builtins.concatStringsSep "" (map (e: "${e.key}=${e.value}\n") entries);
  ini = builtins.concatStringsSep "\n" (builtins.attrValues (builtins.mapAttrs renderSection grouped));
  tags = map trim (builtins.filter builtins.isString (builtins.split "," (builtins.head (builtins.filter (e: e.key == "tags") parsed)).value));
in
{
  inherit ini tags;
  json = builtins.toJSON (builtins.mapAttrs (n: es: builtins.listToAttrs (map (e: { name = e.key; value = e.value; }) es)) grouped);
  count = builtins.length parsed;
  upper = builtins.replaceStrings [ "a" "e" "o" ] [ "A" "E" "O" ] (builtins.concatStringsSep " " tags);
}
