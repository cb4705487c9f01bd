# evalModules: collects modules (module-collection.nix), merges their
# option declarations into one tree (declarations.nix), walks the tree with
# every module's definitions (option-tree.nix), and returns
# { config; options; ... }; plus the built-in `_module` options.
#
# The walk is lazy by construction: the shape of `config` comes from the
# declarations alone, and definitions are split attribute by attribute
# (properties pushed down, see properties.nix), so a definition may read
# any other option's value as long as no value depends on itself.
{ lib }:
let
  inherit (builtins) isAttrs isPath isString isList attrNames attrValues mapAttrs
    filter concatMap length head elem listToAttrs zipAttrsWith unsafeGetAttrPos
    genericClosure typeOf addErrorContext foldl' concatStringsSep sort;
  inherit (lib.options) isOption mkOption showOption showFiles showDefs showLocation unknownModule;
  inherit (lib.modules) pushDownDefinition mergeDefinitions mkOptionDefault mkMerge;
  inherit (lib.lists) imap1;
  types = lib.types;

  inherit (lib.modules) collectModules mergeDeclarations evalNamespace unknownOptionMessage;
in
rec {
  evalModules = { modules, specialArgs ? { }, prefix ? [ ], args ? { }, check ? true, class ? null }:
    evalModuleSet { inherit modules specialArgs prefix args check class; systemOptions = true; };

  # The evaluator behind evalModules and submodules. `systemOptions` adds
  # the `assertions` and `warnings` options, which only a top-level
  # evaluation has.
  evalModuleSet =
    { modules
    , specialArgs ? { }
    , prefix ? [ ]
    , args ? { }
    , check ? true
    , class ? null
    , systemOptions ? false
      # Submodules: the attribute name their value sits under (`name`).
    , name ? null
    } @ params:
    let
      # What every module function is called with.
      moduleArgs = { inherit lib config options specialArgs; } // specialArgs;

      collected = collectModules { inherit moduleArgs config specialArgs; } modules;

      # The built-in options (`_module.*`, and at the top `assertions` and
      # `warnings`) are not a module: their merged declarations are made
      # directly, unless some module declares options under the same names,
      # in which case everything goes through the general merge.
      builtins' = builtinDeclarations {
        inherit prefix systemOptions check specialArgs;
        internalArgs = { extendModules = extend; moduleType = type; } // args
          // lib.attrsets.optionalAttrs (name != null) { inherit name; };
      };
      userDeclarations = concatMap (m: if m.options == { } then [ ] else [{ inherit (m) file; value = m.options; pos = null; }]) collected;
      declaredOptionSets = builtins.catAttrs "options" collected;
      clash = builtins.catAttrs "_module" declaredOptionSets != [ ] || (systemOptions
        && (builtins.catAttrs "assertions" declaredOptionSets != [ ] || builtins.catAttrs "warnings" declaredOptionSets != [ ]));
      declarations =
        if clash then mergeDeclarations prefix ([{ file = builtinFile; value = builtins'.options; pos = null; }] ++ userDeclarations)
        else mergeDeclarations prefix userDeclarations // builtins'.merged;

      rootDefinitions = concatMap
        (m: if m.config == { } then [ ] else pushDownDefinition prefix { inherit (m) file; value = m.config; pos = null; })
        collected;

      tree = evalNamespace prefix declarations rootDefinitions;
      options = tree.options;

      freeformType = tree.config._module.freeformType;
      freeformConfig =
        let
          defs = map
            (u: { inherit (u) file pos; value = lib.attrsets.setAttrByPath (lib.lists.drop (length prefix) u.loc) u.value; })
            tree.unmatched;
        in
        if defs == [ ] then { } else (mergeDefinitions prefix freeformType defs).optionalValue.value or { };
      config =
        if tree.unmatched == [ ] || freeformType == null then tree.config
        else lib.attrsets.recursiveUpdate freeformConfig tree.config;

      # Definitions of undeclared options are errors unless a freeform type
      # takes them or `_module.check` is off. Checked when the result is used.
      checked =
        if tree.unmatched != [ ] && freeformType == null && tree.config._module.check
        then throw (unknownOptionMessage (head tree.unmatched))
        else true;

      extend = { modules ? [ ], specialArgs ? { }, prefix ? params.prefix }:
        evalModuleSet (params // {
          modules = params.modules ++ modules;
          specialArgs = params.specialArgs // specialArgs;
          inherit prefix;
        });
      type = types.submoduleWith { modules = params.modules; inherit specialArgs; };
    in
    {
      config = builtins.seq checked (removeAttrs config [ "_module" ]);
      options = builtins.seq checked options;
      _module = builtins.seq checked config._module;
      extendModules = extend;
      inherit type class;
    };

  builtinFile = toString ./modules.nix;

  # Options every evaluation has; declared once, shared by all evaluations.
  internalOptions = {
    _module.args = mkOption {
      type = types.lazyAttrsOf types.raw;
      internal = true;
      default = { };
      description = "Extra arguments passed to every module function (next to config, options, lib and specialArgs), such as `pkgs`.";
    };
    _module.check = mkOption {
      type = types.bool;
      internal = true;
      default = true;
      description = "Whether a definition of an option that does not exist is an error.";
    };
    _module.freeformType = mkOption {
      type = types.nullOr types.optionType;
      internal = true;
      default = null;
      description = "The type of definitions that match no declared option; they become part of `config` instead of an error.";
    };
    _module.specialArgs = mkOption {
      type = types.raw;
      internal = true;
      readOnly = true;
      description = "The specialArgs this evaluation was given.";
    };
  };

  # What a top-level evaluation adds: conditions and messages for the caller.
  systemOptions = {
    assertions = mkOption {
      type = types.listOf types.unspecified;
      internal = true;
      default = [ ];
      example = [{ assertion = false; message = "this configuration cannot work"; }];
      description = "Conditions that must hold: each `{ assertion; message; }` whose assertion is false is reported with its message, and the configuration is refused.";
    };
    warnings = mkOption {
      type = types.listOf types.str;
      internal = true;
      default = [ ];
      example = [ "the option foo is deprecated" ];
      description = "Messages shown to the user when the configuration is built.";
    };
  };

  # The built-in options of one evaluation: as declarations (`options`, for
  # the general merge) and already merged (`merged`). The evaluation's own
  # values enter as defaults and `apply`, not as definitions, so they cost
  # nothing until read: `_module.args` always holds `extendModules`,
  # `moduleType` (and `name` in a submodule) under whatever modules define.
  # The built-in options already merged, as far as they do not depend on
  # the evaluation: shared by all evaluations. (`loc` comes from the walk.)
  builtinMerged =
    let
      o = internalOptions._module;
      where = { declarations = [ builtinFile ]; declarationPositions = [ ]; };
    in
    {
      args = o.args // where;
      check = o.check // where;
      checkOff = o.check // where // { default = false; };
      freeformType = o.freeformType // where;
      specialArgs = o.specialArgs // where;
      assertions = systemOptions.assertions // where;
      warnings = systemOptions.warnings // where;
    };

  builtinDeclarations = { prefix, systemOptions, check, specialArgs, internalArgs }:
    let
      o = internalOptions._module;
      m = builtinMerged;
      apply = defined: internalArgs // defined;
    in
    {
      # For the general merge, when modules declare options of the same names.
      options = {
        _module = {
          args = o.args // { inherit apply; };
          check = if check then o.check else o.check // { default = false; };
          inherit (o) freeformType;
          specialArgs = o.specialArgs // { default = specialArgs; };
        };
      } // (if systemOptions then lib.modules.systemOptions else { });
      merged = {
        _module = {
          args = m.args // { inherit apply; };
          check = if check then m.check else m.checkOff;
          inherit (m) freeformType;
          specialArgs = m.specialArgs // { default = specialArgs; };
        };
      } // (if systemOptions then { inherit (m) assertions warnings; } else { });
    };
}
