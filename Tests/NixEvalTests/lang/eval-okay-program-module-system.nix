# A small module system: options with types and defaults, definitions merged
# by priority, conditional definitions, and a fixpoint over `config`.
let
  mkOption = { default ? null, type, description ? "" }: { _type = "option"; inherit default type description; };
  mkIf = cond: content: { _type = "if"; inherit cond content; };
  mkForce = content: { _type = "override"; priority = 50; inherit content; };
  mkDefault = content: { _type = "override"; priority = 1000; inherit content; };
  types = {
    int = { name = "int"; check = builtins.isInt; merge = defs: builtins.foldl' (a: b: if a == b then a else throw "conflicting int definitions") (builtins.head defs) defs; };
    bool = { name = "bool"; check = builtins.isBool; merge = defs: builtins.any (x: x) defs; };
    str = { name = "str"; check = builtins.isString; merge = defs: builtins.concatStringsSep "" defs; };
    listOf = t: { name = "listOf ${t.name}"; check = l: builtins.isList l && builtins.all t.check l; merge = defs: builtins.concatLists defs; };
  };
  priorityOf = d: if builtins.isAttrs d && d ? _type && d._type == "override" then d.priority else 100;
  unwrap = d: if builtins.isAttrs d && d ? _type && d._type == "override" then d.content else d;
  pushIf = d: if builtins.isAttrs d && d ? _type && d._type == "if" then (if d.cond then [ d.content ] else [ ]) else [ d ];
  evalOption = name: opt: defs:
    let
      active = builtins.concatMap pushIf defs;
      best = builtins.foldl' (m: d: if priorityOf d < m then priorityOf d else m) 9999 active;
      chosen = map unwrap (builtins.filter (d: priorityOf d == best) active);
      values = if chosen == [ ] then [ opt.default ] else chosen;
    in
    if builtins.all opt.type.check values then opt.type.merge values
    else throw "option ${name}: a value is not of type ${opt.type.name}";
  evalModules = modules:
    let
      results = map (m: m { inherit config; }) modules;
      options = builtins.foldl' (acc: r: acc // (r.options or { })) { } results;
      defsFor = name: builtins.concatMap (r: if r ? config && r.config ? ${name} then [ r.config.${name} ] else [ ]) results;
      config = builtins.mapAttrs (name: opt: evalOption name opt (defsFor name)) options;
    in config;
  base = { config, ... }: {
    options = {
      port = mkOption { type = types.int; default = 80; };
      enable = mkOption { type = types.bool; default = false; };
      greeting = mkOption { type = types.str; default = "hello"; };
      packages = mkOption { type = types.listOf types.str; default = [ ]; };
    };
    config.packages = [ "base" ];
  };
  web = { config, ... }: {
    config = {
      enable = true;
      port = mkIf config.enable 8080;
      packages = mkIf config.enable [ "nginx" ];
      greeting = mkDefault "ignored";
    };
  };
  extra = { config, ... }: {
    config = {
      greeting = mkForce "forced greeting on port ${toString config.port}";
      packages = [ "extra" ];
    };
  };
in
evalModules [ base web extra ]
