# Modules that keep old option names working: renamed options (with a
# warning), aliases (silent), removed options (an assertion), and options
# changed or merged into a new one. Each returns an ordinary module.
{ lib }:
let
  inherit (lib.options) mkOption showOption showFiles;
  inherit (lib.modules) mkIf mkMerge mkOverride;
  inherit (lib.attrsets) setAttrByPath getAttrFromPath attrByPath optionalAttrs;
  inherit (lib.lists) optional;
in
rec {
  # Definitions of `to' made through `option`, at its priority.
  mkAliasAndWrapDefsWithPriority = wrap: option:
    mkIf (lib.options.isOption option && option.isDefined)
      (mkOverride option.highestPrio (wrap (mkMerge option.definitions)));
  mkAliasAndWrapDefinitions = wrap: option:
    mkIf (lib.options.isOption option && option.isDefined) (wrap (mkMerge option.definitions));
  mkAliasDefinitions = mkAliasAndWrapDefinitions (x: x);
  mkAliasIfDef = option: mkIf (lib.options.isOption option && option.isDefined);

  # A value derived from another option's value, at that option's priority.
  mkDerivedConfig = option: f: mkOverride (option.highestPrio or lib.modules.defaultOverridePriority) (f option.value);

  # The general form: declares `from`, forwards its definitions to `to`, and
  # warns when `warn` and it is used. Reading `from` gives `use` of `to`'s value.
  doRename = { from, to, visible ? false, warn ? true, use ? (x: x), withPriority ? true }:
    { config, options, ... }:
    let
      fromOpt = getAttrFromPath from options;
      toOpt = attrByPath to { } options;
      forward = if withPriority then mkAliasAndWrapDefsWithPriority else mkAliasAndWrapDefinitions;
    in
    {
      options = setAttrByPath from (mkOption ({
        inherit visible;
        description = "Alias of `${showOption to}'.";
        apply = _: use (attrByPath to (throw "The option `${showOption to}', the new name of `${showOption from}', does not exist.") config);
      } // optionalAttrs (toOpt ? type) { inherit (toOpt) type; }));
      config = mkMerge [
        (optionalAttrs (warn && options ? warnings) {
          warnings = optional (fromOpt.isDefined)
            "The option `${showOption from}' defined in ${showFiles fromOpt.files} has been renamed to `${showOption to}'.";
        })
        (setAttrByPath to (forward (x: x) fromOpt))
      ];
    };

  mkRenamedOptionModule = from: to: doRename { inherit from to; };
  mkRenamedOptionModuleWith = { from, to, sinceRelease ? null }: doRename { inherit from to; };
  mkAliasOptionModule = from: to: doRename { inherit from to; visible = true; warn = false; };
  mkAliasOptionModuleMD = mkAliasOptionModule;

  # A removed option: defining it fails with `instructions`; reading it throws.
  mkRemovedOptionModule = from: instructions:
    { options, ... }:
    let opt = getAttrFromPath from options; in
    {
      options = setAttrByPath from (mkOption {
        visible = false;
        description = "Removed: ${instructions}";
        apply = _: throw "The option `${showOption from}' has been removed. ${instructions}";
      });
      config = optionalAttrs (options ? assertions) {
        assertions = [{
          assertion = !opt.isDefined;
          message = "The option `${showOption from}' defined in ${showFiles opt.files} has been removed and no longer has any effect; remove it. ${instructions}";
        }];
      };
    };

  # Old options `froms`, replaced by `to`, computed by `mergeFn config` from
  # the old values whenever any of them is defined (with a warning).
  mkMergedOptionModule = froms: to: mergeFn:
    { config, options, ... }:
    let
      olds = map (from: getAttrFromPath from options) froms;
      used = builtins.filter (o: o.isDefined) olds;
    in
    {
      options = builtins.foldl' lib.attrsets.recursiveUpdate { } (map
        (from: setAttrByPath from (mkOption {
          visible = false;
          description = "Replaced by `${showOption to}'.";
        }))
        froms);
      config = mkMerge [
        (optionalAttrs (options ? warnings) {
          warnings = map
            (o: "The option `${showOption o.loc}' defined in ${showFiles o.files} has been replaced by `${showOption to}'; set that instead.")
            used;
        })
        (setAttrByPath to (mkIf (used != [ ]) (mergeFn config)))
      ];
    };

  mkChangedOptionModule = from: to: changeFn:
    mkMergedOptionModule [ from ] to changeFn;
}
