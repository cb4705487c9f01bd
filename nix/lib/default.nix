# Roost's Nix library: the module system (evalModules, mkOption, types,
# mkIf/mkMerge/priorities, renames) and the helpers modules lean on, under
# the names NixOS users know. Imported as `<roost/lib>`; it needs nothing
# but the Nix language and its builtins.
let
  lib =
    let
      part = file: import file { inherit lib; };

      trivial = part ./trivial.nix;
      lists = part ./lists.nix;
      attrsets = part ./attrsets.nix;
      strings = part ./strings.nix;
      generators = part ./generators.nix;
      options = part ./options.nix;
      types = part ./types.nix;
      fixedPoints = part ./fixed-points.nix;
      asserts = part ./asserts.nix;
      modules = part ./properties.nix // part ./module-collection.nix // part ./declarations.nix
        // part ./option-tree.nix // part ./modules.nix // part ./renames.nix;
    in
    {
      inherit trivial lists attrsets strings generators options types modules fixedPoints asserts;
    }
    # The flat names (lib.mkIf, lib.optional, ...). Later sets win on a
    # clash: lib.hasPrefix is the string one, lib.replicate the list one.
    // trivial // lists // attrsets // strings // asserts // fixedPoints // options // modules
    // { inherit (lists) replicate; };
in
lib
