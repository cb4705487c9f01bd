# Collecting the modules of an evaluation: following `imports` (paths,
# functions, sets), calling module functions with their arguments, keeping
# each module once by key, dropping `disabledModules`, and bringing every
# module to one shape { file; key; imports; disabledModules; options; config; }.
# It does not look at options or definitions; modules.nix does.
{ lib }:
let
  inherit (builtins) isAttrs isPath isString isList attrNames attrValues mapAttrs
    filter concatMap length head elem listToAttrs zipAttrsWith unsafeGetAttrPos
    genericClosure typeOf addErrorContext foldl' concatStringsSep sort;
  inherit (lib.options) isOption mkOption showOption showFiles showDefs showLocation unknownModule;
  inherit (lib.modules) pushDownDefinition mergeDefinitions mkOptionDefault mkMerge;
  inherit (lib.lists) imap1;
  types = lib.types;

  # Module attributes that are not configuration.
  structuralNames = [ "_file" "key" "disabledModules" "imports" "options" "config" "meta" "freeformType" "_class" ];
in
rec {
  # Every module reachable from `modules` through `imports`, each once (by
  # key), minus those named by any module's `disabledModules` (and what only
  # they import), breadth-first: the order definitions are merged in.
  collectModules = { moduleArgs, config, specialArgs }: modules:
    let
      load = parentFile: parentKey: index: raw:
        # A definition a submodule turned into configuration: already in
        # normal form (see `definitionModule`).
        if isAttrs raw && raw ? _roostDefinition then {
          key = "${parentKey}:anon-${toString index}";
          module = raw._roostDefinition;
          children = [ ];
        }
        else
        let
          fromFile = isPath raw || isString raw;
          file = if fromFile then toString raw else parentFile;
          imported = if fromFile then import raw else raw;
          value =
            if builtins.isFunction imported || (isAttrs imported && imported ? __functor)
            then applyModule moduleArgs config (toString (value._file or file)) imported
            else imported;
          module =
            if isAttrs value then normalizeModule (toString (value._file or file)) key value
            else throw "The module `${file}' is ${typeOf value}; a module must be an attribute set, a function returning one, or a path to a file holding either.";
          key =
            if isAttrs value && value ? key then toString value.key
            else if fromFile then toString raw
            else "${parentKey}:anon-${toString index}";
        in
        {
          inherit key module;
          children = if module.imports == [ ] then [ ] else imap1 (load module.file key) module.imports;
        };

      roots = imap1 (load unknownModule "") modules;
      everything = genericClosure { startSet = roots; operator = n: n.children; };

      # Most evaluations disable nothing: find that out without a lambda per module.
      anyDisabled = builtins.concatLists (builtins.catAttrs "disabledModules" (builtins.catAttrs "module" everything)) != [ ];
      disabled = if anyDisabled then concatMap (n: map (disabledKey n.module.file) n.module.disabledModules) everything else [ ];
      disabledSet = listToAttrs (map (k: { name = k; value = true; }) disabled);
      enabled = n: !(disabledSet ? ${n.key});

      kept =
        if disabled == [ ] then everything
        else genericClosure { startSet = filter enabled roots; operator = n: filter enabled n.children; };

      disabledKey = file: d:
        if isPath d then toString d
        else if isString d then
          (if lib.strings.hasPrefix "/" d || !(specialArgs ? modulesPath) then d
          else "${toString specialArgs.modulesPath}/${d}")
        else if isAttrs d && d ? key then toString d.key
        else throw "The module `${file}' has an entry of disabledModules that is ${typeOf d}; use a path, a string, or a set with a `key'.";
    in
    builtins.catAttrs "module" kept;

  # The module `{ _file = file; config = value; }`, in the form collection
  # would bring it to, so that submodule values skip that work.
  definitionModule = file: value: {
    _roostDefinition = { inherit file; imports = [ ]; disabledModules = [ ]; options = { }; config = value; };
  };

  # Calls a module function with the arguments it asks for: config,
  # options, lib, specialArgs, and otherwise `_module.args` (looked up only
  # when used, so `pkgs` may come from a module's own definitions).
  applyModule = moduleArgs: config: file: f:
    let
      wanted = if builtins.isFunction f then builtins.functionArgs f else lib.trivial.functionArgs f;
      lookup = name: moduleArgs.${name} or (config._module.args.${name} or (throw
        "The module `${file}' takes the argument `${name}', but no module defines `_module.args.${name}' and it is not among specialArgs."));
    in
    f (moduleArgs // mapAttrs (name: _: lookup name) wanted);

  normalizeModule = file: key: m:
    let
      explicit = m ? config || m ? options;
      stray = if explicit then attrNames (removeAttrs m structuralNames) else [ ];
      definitions = if explicit then m.config or { } else removeAttrs m structuralNames;
      imports = m.imports or [ ];
    in
    if stray != [ ] then
      throw "The module `${file}' has both `config'/`options' and other top-level attributes (${concatStringsSep ", " stray}); move those into `config'."
    else if !(isList imports) then
      throw "The `imports' of module `${file}' is ${typeOf imports}; it must be a list."
    else {
      inherit file key imports;
      disabledModules = m.disabledModules or [ ];
      options = m.options or { };
      config =
        if m ? freeformType then mkMerge [ { _module.freeformType = m.freeformType; } definitions ]
        else definitions;
    };

}
