# evalModules: collects modules (imports, disabledModules, keys), merges
# their option declarations into one tree, walks the tree with every
# module's definitions, and returns { config; options; ... }.
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

  # Module attributes that are not configuration.
  structuralNames = [ "_file" "key" "disabledModules" "imports" "options" "config" "meta" "freeformType" "_class" ];
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
      userDeclarations = map (m: { inherit (m) file; value = m.options; pos = null; }) collected;
      declaredOptionSets = builtins.catAttrs "options" collected;
      clash = builtins.catAttrs "_module" declaredOptionSets != [ ] || (systemOptions
        && (builtins.catAttrs "assertions" declaredOptionSets != [ ] || builtins.catAttrs "warnings" declaredOptionSets != [ ]));
      declarations =
        if clash then mergeDeclarations prefix ([{ file = builtinFile; value = builtins'.options; pos = null; }] ++ userDeclarations)
        else mergeDeclarations prefix userDeclarations // builtins'.merged;

      rootDefinitions = concatMap
        (m: pushDownDefinition prefix { inherit (m) file; value = m.config; pos = null; })
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
  builtinDeclarations = { prefix, systemOptions, check, specialArgs, internalArgs }:
    let
      o = internalOptions._module;
      own = {
        args = o.args // { apply = defined: internalArgs // defined; };
        check = if check then o.check else o.check // { default = false; };
        freeformType = o.freeformType;
        specialArgs = o.specialArgs // { default = specialArgs; };
      };
      top = if systemOptions then lib.modules.systemOptions else { };
      # Written out rather than mapped: this runs once per evaluation, and
      # submodules make many evaluations.
      where = { declarations = [ builtinFile ]; declarationPositions = [ ]; };
      modulePrefix = prefix ++ [ "_module" ];
      builtinModule = {
        args = own.args // where // { loc = modulePrefix ++ [ "args" ]; };
        check = own.check // where // { loc = modulePrefix ++ [ "check" ]; };
        freeformType = own.freeformType // where // { loc = modulePrefix ++ [ "freeformType" ]; };
        specialArgs = own.specialArgs // where // { loc = modulePrefix ++ [ "specialArgs" ]; };
      };
    in
    {
      options = { _module = own; } // top;
      merged =
        if systemOptions then {
          _module = builtinModule;
          assertions = top.assertions // where // { loc = prefix ++ [ "assertions" ]; };
          warnings = top.warnings // where // { loc = prefix ++ [ "warnings" ]; };
        }
        else { _module = builtinModule; };
    };

  # -- collecting modules --------------------------------------------------

  # Every module reachable from `modules` through `imports`, each once (by
  # key), minus those named by any module's `disabledModules` (and what only
  # they import), breadth-first: the order definitions are merged in.
  collectModules = { moduleArgs, config, specialArgs }: modules:
    let
      load = parentFile: parentKey: index: raw:
        let
          fromFile = isPath raw || isString raw;
          file = if fromFile then toString raw else parentFile;
          imported = if fromFile then import raw else raw;
          value =
            if builtins.isFunction imported || (isAttrs imported && imported ? __functor)
            then applyModule moduleArgs config file imported
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

  # -- declarations -------------------------------------------------------

  # Merges option declarations ([{ file; value; pos }]) into one tree:
  # a set of children per namespace, a merged option record per option.
  mergeDeclarations = loc: entries:
    if entries != [ ] && builtins.tail entries == [ ] && isOption (head entries).value then
      mergeOptionDeclarations loc entries [ ]
    else
    let
      split = builtins.partition (e: (e.value._type or null) == "option") entries;
      opts = split.right;
      nested =
        if builtins.all (e: isAttrs e.value) split.wrong then split.wrong
        else
          let bad = head (filter (e: !(isAttrs e.value)) split.wrong); in
          throw "The declaration of `${showOption loc}' in `${bad.file}' is ${typeOf bad.value}, but must be an option (made with mkOption) or a set of options.";
    in
    if opts == [ ] then
      zipAttrsWith
        (name: es:
          let e = head es; in
          # Most options are declared once: no merging to do.
          if builtins.tail es == [ ] && (e.value._type or null) == "option" then
            e.value // {
              type = e.value.type or types.unspecified;
              loc = loc ++ [ name ];
              declarations = [ e.file ];
              declarationPositions = if e.pos == null then [ ] else [ e.pos ];
            }
          else mergeDeclarations (loc ++ [ name ]) es)
        (map (e: mapAttrs (n: v: { inherit (e) file; value = v; pos = unsafeGetAttrPos n e.value; }) e.value) nested)
    else mergeOptionDeclarations loc opts nested;

  # One option declared by several modules: each attribute comes from one
  # declaration only, except `type`, where the types are combined (that is
  # how modules extend a submodule's options). Sets of options declared
  # below the option become modules of its submodule type.
  mergeOptionDeclarations = loc: opts: nested:
    let
      exclusive = [ "default" "defaultText" "example" "description" "apply" "relatedPackages" ];
      step = acc: e:
        let clash = filter (n: acc.decl ? ${n} && e.value ? ${n}) exclusive; in
        if clash != [ ] then
          throw "The option `${showOption loc}' in `${e.file}' is already declared in ${showFiles acc.files}; both give it a `${head clash}'. Declare it once, or only extend its type."
        else {
          decl = acc.decl // e.value // lib.attrsets.optionalAttrs (acc.decl ? type && e.value ? type) {
            type =
              let t = acc.decl.type.typeMerge e.value.type.functor; in
              if t == null then
                throw "The option `${showOption loc}' is declared with types that cannot be combined: `${acc.decl.type.description}' in ${showFiles acc.files} and `${e.value.type.description}' in `${e.file}'."
              else t;
          };
          files = acc.files ++ [ e.file ];
          positions = acc.positions ++ [ e.pos ];
        };
      first = head opts;
      start = { decl = first.value; files = [ first.file ]; positions = [ first.pos ]; };
      merged = if builtins.tail opts == [ ] then start else foldl' step start (builtins.tail opts);
      declaredType = merged.decl.type or types.unspecified;
      type =
        if nested == [ ] then declaredType
        else if declaredType.getSubModules or null == null then
          throw "The option `${showOption loc}' in ${showFiles merged.files} has type `${declaredType.description}', which has no sub-options, but ${showFiles (map (e: e.file) nested)} declares options below it."
        else declaredType.substSubModules
          (declaredType.getSubModules ++ map (e: { _file = e.file; options = e.value; }) nested);
    in
    merged.decl // {
      inherit type loc;
      declarations = merged.files;
      declarationPositions = filter (p: p != null) merged.positions;
    };

  # -- definitions ----------------------------------------------------------

  # Walks one namespace: each option gets the definitions of its name, each
  # nested namespace the pushed-down sets; names no declaration knows are
  # collected in `unmatched` (with the names that do exist there).
  evalNamespace = loc: node: defs:
    let
      byName = zipAttrsWith (_: ds: ds) (map
        (d: mapAttrs (n: v: { inherit (d) file; value = v; pos = unsafeGetAttrPos n d.value; }) d.value)
        defs);
      children = mapAttrs
        (name: sub:
          let subLoc = loc ++ [ name ]; subDefs = byName.${name} or [ ]; in
          if (sub._type or null) == "option" then
            let opt = evalOption subLoc sub subDefs; in { config = opt.value; options = opt; unmatched = [ ]; }
          else evalNamespace subLoc sub (concatMap (pushDownDefinition subLoc) subDefs))
        node;
      strays = attrNames (removeAttrs byName (attrNames node));
    in
    {
      config = mapAttrs (_: c: c.config) children;
      options = mapAttrs (_: c: c.options) children;
      unmatched =
        if defs == [ ] then [ ]
        else (if strays == [ ] then [ ]
        else concatMap (n: map (d: d // { loc = loc ++ [ n ]; siblings = attrNames node; }) byName.${n}) strays)
        ++ builtins.concatLists (builtins.catAttrs "unmatched" (attrValues children));
    };

  # An option's record as modules see it in `options`: its declaration plus
  # value, isDefined, definitions, files, highestPrio.
  evalOption = loc: decl: defs:
    let
      default =
        if decl ? default then {
          file = head decl.declarations;
          pos = if decl.declarationPositions == [ ] then null else head decl.declarationPositions;
          value = decl.default;
        } else null;
      result = lib.modules.mergeDefinitionsWithDefault loc decl.type default defs;
      defined =
        if result.isDefined then result.mergedValue
        else throw "The option `${showOption loc}' is used but not defined, and it has no default. Define it in a module (it is declared in ${showFiles decl.declarations}).";
      final =
        if (decl.readOnly or false) == true && length result.defsFinal > 1 then
          throw "The option `${showOption loc}' is read-only, but it is set ${toString (length result.defsFinal)} times; keep one definition.${showDefs result.defsFinal}"
        else defined;
      applied = if (decl.apply or null) != null then decl.apply final else final;
    in
    decl // {
      value = addErrorContext "while evaluating the option `${showOption loc}':" applied;
      inherit (result) isDefined highestPrio;
      definitions = map (d: d.value) result.defsFinal;
      definitionsWithLocations = map (d: { inherit (d) file value; }) result.defsFinal;
      files = lib.lists.unique (map (d: d.file) result.defsFinal);
    };

  # "The option `x' does not exist", with the nearest existing names.
  unknownOptionMessage = u:
    let
      path = showOption u.loc;
      parent = lib.lists.init u.loc;
      name = lib.lists.last u.loc;
      near = suggestNames name u.siblings;
      hint =
        if near == [ ] then " Check the spelling, or import the module that declares it."
        else " Did you mean ${concatStringsSep " or " (map (n: "`${showOption (parent ++ [ n ])}'") near)}?";
    in
    "The option `${path}' defined in `${u.file}' does not exist.${hint}${showDefs [ u ]}";

  # Up to three of `candidates` closest to `name` by edit distance, if close
  # enough to be a likely typo.
  suggestNames = name: candidates:
    let
      len = builtins.stringLength name;
      limit = if len <= 3 then 1 else if len <= 8 then 2 else 3;
      scored = map (c: { inherit c; d = lib.strings.levenshtein (lib.strings.toLower name) (lib.strings.toLower c); })
        (filter (c: lib.strings.levenshteinAtMost limit (lib.strings.toLower name) (lib.strings.toLower c)) candidates);
      ranked = sort (a: b: a.d < b.d || (a.d == b.d && a.c < b.c)) scored;
    in
    map (s: s.c) (lib.lists.take 3 ranked);
}
