# lib.generators: key=value and INI files, and the pretty printer.
let lib = import <roost/lib>; inherit (lib) generators; in
{
  keyValue = generators.toKeyValue { } { port = 22; enable = true; name = "roost"; nothing = null; };
  keyValueCustom = generators.toKeyValue {
    mkKeyValue = generators.mkKeyValueDefault { } ": ";
    listsAsDuplicateKeys = true;
  } { Listen = [ "a" "b" ]; User = "www"; };
  keyValueIndent = generators.toKeyValue { indent = "  "; } { a = 1; };
  mkKeyValueDefault = generators.mkKeyValueDefault { } "=" "key=with" "v";
  mkValueString = map (generators.mkValueStringDefault { }) [ 1 1.5 "s" true null ];
  ini = generators.toINI { } {
    Unit = { Description = "web"; After = "network.target"; };
    Service = { ExecStart = "/usr/bin/web"; Restart = "always"; };
  };
  iniDuplicates = generators.toINI { listsAsDuplicateKeys = true; } { Match = { Name = [ "eth0" "eth1" ]; }; };
  iniCustomSections = generators.toINI { mkSectionName = lib.toUpper; } { a = { x = 1; }; };
  iniGlobal = generators.toINIWithGlobalSection { } { globalSection = { verbose = true; }; sections.db = { host = "localhost"; }; };
  pretty = generators.toPretty { } { a = [ 1 "two" ]; b.c = null; f = x: x; };
  prettyOneLine = generators.toPretty { multiline = false; } { a = [ 1 2 ]; };
  prettyLines = generators.toPretty { } "line one\nline two\n";
  json = generators.toJSON { } { a = 1; };
  listRefused = (builtins.tryEval (generators.mkValueStringDefault { } [ 1 ])).success;
}
