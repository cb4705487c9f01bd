# Types whose values are modules: submodule/submoduleWith (a nested
# evaluation per value, the way users.users.<name> and containers.<name>
# are typed) and deferredModule (modules collected now, evaluated later by
# whoever reads the option).
{ lib }:
let
  inherit (builtins) isAttrs isPath isFunction intersectAttrs attrNames;
  inherit (lib.types) mkOptionType defaultFunctor;
  inherit (lib.options) showOption;
  inherit (lib.modules) evalModuleSet mkOptionDefault;

  isModuleLike = x: isAttrs x || isFunction x || isPath x;
in
rec {
  submoduleWith =
    { modules
    , specialArgs ? { }
    , shorthandOnlyDefinesConfig ? false
    , description ? null
    , class ? null
    } @ attrs:
    let
      # The nested evaluation at `loc`: the declared modules, the `name`
      # argument (the attribute the value sits under), and `extra`.
      evalAt = loc: extra: evalModuleSet {
        inherit specialArgs class;
        prefix = loc;
        name = if loc == [ ] then "<name>" else lib.lists.last loc;
        modules = modules ++ extra;
      };
      # A definition becomes a module; with shorthandOnlyDefinesConfig a
      # plain set is only configuration (so `imports` there is an option).
      asModule = d:
        if shorthandOnlyDefinesConfig && isAttrs d.value && !(d.value ? __functor)
        then lib.modules.definitionModule d.file d.value
        else { _file = d.file; imports = [ d.value ]; };
      base = evalAt [ "<name>" ] [ ];
    in
    mkOptionType {
      name = "submodule";
      description =
        if description != null then description
        else let ff = base._module.freeformType; in if ff == null then "submodule" else ff.description;
      check = isModuleLike;
      merge = loc: defs: (evalAt loc (map asModule defs)).config;
      emptyValue = { value = { }; };
      getSubOptions = prefix: (evalAt prefix [ ]).options;
      getSubModules = modules;
      substSubModules = m: submoduleWith (attrs // { modules = m; });
      functor = (defaultFunctor "submodule") // {
        type = submoduleWith;
        payload = { inherit modules specialArgs shorthandOnlyDefinesConfig description class; };
        binOp = a: b: {
          modules = a.modules ++ b.modules;
          specialArgs =
            let both = attrNames (intersectAttrs a.specialArgs b.specialArgs); in
            if both == [ ] then a.specialArgs // b.specialArgs
            else throw "A submodule option is declared twice with the same specialArgs (${builtins.concatStringsSep ", " both}); give them in one declaration only.";
          shorthandOnlyDefinesConfig =
            if a.shorthandOnlyDefinesConfig == b.shorthandOnlyDefinesConfig then a.shorthandOnlyDefinesConfig
            else throw "A submodule option is declared twice, once as `submodule' and once as `submoduleWith' with a different shorthandOnlyDefinesConfig; declare both the same way.";
          description = if a.description != null then a.description else b.description;
          class = if a.class != null then a.class else b.class;
        };
      };
      nestedTypes = { };
    };

  submodule = modules: submoduleWith {
    shorthandOnlyDefinesConfig = true;
    modules = lib.lists.toList modules;
  };

  # The definitions, unevaluated, as one module that imports them all (after
  # `staticModules`), to be evaluated later with evalModules.
  deferredModuleWith = { staticModules ? [ ] } @ attrs: mkOptionType {
    name = "deferredModule";
    description = "module";
    descriptionClass = "noun";
    check = isModuleLike;
    merge = loc: defs: {
      imports = staticModules ++ map (d: { _file = d.file; imports = [ d.value ]; }) defs;
    };
    getSubOptions = prefix: (evalModuleSet { modules = staticModules; inherit prefix; }).options;
    getSubModules = staticModules;
    substSubModules = m: deferredModuleWith (attrs // { staticModules = m; });
    functor = (defaultFunctor "deferredModule") // {
      type = deferredModuleWith;
      payload = { inherit staticModules; };
      binOp = a: b: { staticModules = a.staticModules ++ b.staticModules; };
    };
  };
  deferredModule = deferredModuleWith { };
}
