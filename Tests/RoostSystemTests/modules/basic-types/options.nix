{ lib, ... }:
let inherit (lib) mkOption types; in
{
  options = {
    aBool = mkOption { type = types.bool; };
    anInt = mkOption { type = types.int; };
    aFloat = mkOption { type = types.float; };
    aNumber = mkOption { type = types.number; };
    aStr = mkOption { type = types.str; };
    aNonEmptyStr = mkOption { type = types.nonEmptyStr; };
    aSingleLineStr = mkOption { type = types.singleLineStr; };
    aMatch = mkOption { type = types.strMatching "[a-z]+-[0-9]+"; };
    someLines = mkOption { type = types.lines; };
    someCommas = mkOption { type = types.commas; };
    someColons = mkOption { type = types.separatedString ":"; };
    aPath = mkOption { type = types.path; };
    anAttrs = mkOption { type = types.attrs; };
    anEnum = mkOption { type = types.enum [ "on" "off" 3 ]; };
    anything = mkOption { type = types.anything; };
    unspecified = mkOption { type = types.unspecified; };
    aRaw = mkOption { type = types.raw; };
    aPackage = mkOption { type = types.package; };
    between = mkOption { type = types.ints.between 1 10; };
    unsigned = mkOption { type = types.ints.unsigned; };
    positive = mkOption { type = types.ints.positive; };
    u8 = mkOption { type = types.ints.u8; };
    s16 = mkOption { type = types.ints.s16; };
    u32 = mkOption { type = types.ints.u32; };
    aPort = mkOption { type = types.port; };
    ratio = mkOption { type = types.numbers.between 0 1; };
    byOr = mkOption { type = types.boolByOr; };
    untyped = mkOption { };
  };
}
