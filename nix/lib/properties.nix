# Definitions and their properties: mkIf, mkMerge, mkOverride (mkDefault,
# mkForce, ...), mkOrder (mkBefore, mkAfter), and mergeDefinitions, which
# turns the raw definitions of one option into its value.
#
# Roost represents a definition, once its properties are resolved, as a flat
# record { file; pos; value; prio; order; }: `prio` and `order` are read off
# the wrappers (the outermost wrapper of each kind wins), so filtering by
# priority and sorting by order never look inside values again.
{ lib }:
let
  inherit (builtins) isAttrs isBool concatMap filter foldl' length head sort
    mapAttrs typeOf all;
  inherit (lib.options) showOption showDefs showFiles showLocation;
in
rec {
  defaultOverridePriority = 100;
  defaultPriority = defaultOverridePriority;
  defaultOrderPriority = 1000;

  mkIf = condition: content: { _type = "if"; inherit condition content; };
  mkMerge = contents: { _type = "merge"; inherit contents; };
  mkOverride = priority: content: { _type = "override"; inherit priority content; };
  mkOrder = priority: content: { _type = "order"; inherit priority content; };

  mkOptionDefault = mkOverride 1500;
  mkDefault = mkOverride 1000;
  mkImageMediaOverride = mkOverride 60;
  mkForce = mkOverride 50;
  mkVMOverride = mkOverride 10;
  mkBefore = mkOrder 500;
  mkAfter = mkOrder 1500;
  mkFixStrictness = x: x;

  propertyOf = v: if isAttrs v then v._type or null else null;
  isProperty = v:
    let t = propertyOf v; in t == "if" || t == "merge" || t == "override" || t == "order";

  # Resolves the properties of one raw definition into flat records (see the
  # header). `mkIf false` yields none; mkMerge yields one per element.
  # `basePrio` is the priority of an unwrapped value (100, or 1500 for an
  # option's default).
  flattenAt = basePrio: loc: def:
    let
      v0 = def.value;
      record = value: prio: order: {
        inherit (def) file;
        pos = def.pos or null;
        inherit value;
        prio = if prio == null then basePrio else prio;
        order = if order == null then defaultOrderPriority else order;
      };
      go = prio: order: v:
        let t = propertyOf v; in
        if t == "merge" then concatMap (go prio order) v.contents
        else if t == "if" then
          (if !(isBool v.condition) then throw "The condition of mkIf in a definition of `${showOption loc}' in `${showLocation def}' is ${typeOf v.condition}, not a Boolean."
          else if v.condition then go prio order v.content
          else [ ])
        else if t == "override" then go (if prio == null then v.priority else prio) order v.content
        else if t == "order" then go prio (if order == null then v.priority else order) v.content
        else [ (record v prio order) ];
    in
    # Most definitions are plain values: no wrappers to walk.
    if isAttrs v0 && v0 ? _type then go null null v0
    else [{
      inherit (def) file;
      pos = def.pos or null;
      value = v0;
      prio = basePrio;
      order = defaultOrderPriority;
    }];
  flattenDefinition = flattenAt defaultOverridePriority;

  # Splits a definition of a whole set of options into plain attribute sets,
  # pushing mkIf/mkOverride/mkOrder down onto each attribute so that the
  # attribute names never depend on a condition (that is what keeps
  # `config = mkIf config.x { ... }` from recursing).
  pushDownDefinition = loc: def:
    let v = def.value; in
    # The common case, a plain set: nothing to push down.
    if isAttrs v && !(v ? _type) then [ def ]
    else
    let
      # Each result keeps `source`, the set as written, so that positions of
      # its attributes (unsafeGetAttrPos) survive the wrapping.
      wrapEach = wrap: map (r: r // { value = mapAttrs (_: wrap) r.value; });
      go = v:
        let t = propertyOf v; in
        if t == "merge" then concatMap go v.contents
        else if t == "if" then wrapEach (mkIf v.condition) (go v.content)
        else if t == "override" then wrapEach (mkOverride v.priority) (go v.content)
        else if t == "order" then wrapEach (mkOrder v.priority) (go v.content)
        else if isAttrs v then [{ value = v; source = v; }]
        else throw "A definition of `${showOption loc}' in `${showLocation def}' is ${typeOf v}, but `${showOption loc}' is a set of options, so it must be an attribute set.";
    in
    map (r: { inherit (def) file; pos = def.pos or null; inherit (r) value source; }) (go def.value);

  pushDownProperties = v: map (d: d.value) (pushDownDefinition [ "<value>" ] { file = lib.options.unknownModule; value = v; });
  dischargeProperties = v:
    map (d: d.value) (flattenDefinition [ "<value>" ] { file = lib.options.unknownModule; value = v; });

  # Keeps the definitions of the highest priority (the lowest number).
  selectHighestPriority = defs:
    if defs == [ ] then { prio = 9999; defs = [ ]; }
    else if builtins.tail defs == [ ] then { prio = (head defs).prio; inherit defs; }
    else
      let best = foldl' (m: d: if d.prio < m then d.prio else m) 9999 defs; in
      { prio = best; defs = filter (d: d.prio == best) defs; };

  filterOverrides = defs:
    (selectHighestPriority (concatMap (flattenDefinition [ "<value>" ]) defs)).defs;

  # Stable: definitions of equal order keep the order of their modules.
  sortByOrder = defs:
    if length defs < 2 || all (d: d.order == defaultOrderPriority) defs then defs
    else sort (a: b: a.order < b.order) defs;
  sortProperties = defs: sortByOrder (concatMap (flattenDefinition [ "<value>" ]) defs);

  # The value of option `loc' of type `type' from its raw definitions
  # ([{ file; value; pos? }]): properties resolved, lower priorities dropped,
  # sorted by order, type-checked, merged.
  mergeDefinitions = loc: type: defs: mergeDefinitionsWithDefault loc type null defs;

  # The same, with an option's default (a definition at mkOptionDefault
  # priority, or null): it is only resolved when no definition outranks it.
  mergeDefinitionsWithDefault = loc: type: default: defs:
    let
      # The two common cases, a single plain definition or only a plain
      # default, skip priority filtering and sorting altogether. (Spelled
      # out, not helpers: this is the hottest path of every evaluation.)
      d =
        if defs != [ ] && builtins.tail defs == [ ] && !(let v = (head defs).value; in isAttrs v && v ? _type) then
          let d' = head defs; in { inherit (d') file value; pos = d'.pos or null; prio = defaultOverridePriority; order = defaultOrderPriority; }
        else if defs == [ ] && default != null && !(let v = default.value; in isAttrs v && v ? _type) then
          { inherit (default) file value; pos = default.pos or null; prio = 1500; order = defaultOrderPriority; }
        else null;
      mergedValue =
        if !(type.check d.value) then wrongTypeError loc type [ d ]
        else if type.plainValue or false then d.value
        else type.merge loc [ d ];
    in
    if d == null then mergeGeneral loc type default defs
    else {
      defsFinal = [ d ];
      isDefined = true;
      highestPrio = d.prio;
      inherit mergedValue;
      optionalValue = { value = mergedValue; };
    };

  wrongTypeError = loc: type: wrong:
    throw "The option `${showOption loc}' in ${showFiles (map showLocationFile wrong)} is not of type `${type.description}'.${showDefs wrong}";

  mergeGeneral = loc: type: default: defs:
    let
      given = concatMap (flattenDefinition loc) defs;
      fromDefault = flattenAt 1500 loc default;
      flat =
        if default == null then given
        else if given == [ ] then fromDefault
        else if (selectHighestPriority given).prio < 1500 then given
        else fromDefault ++ given;
      selected = selectHighestPriority flat;
      defsFinal = sortByOrder selected.defs;
      isDefined = defsFinal != [ ];
      mergedValue =
        if !isDefined then
          throw "The option `${showOption loc}' is used but not defined, and it has no default. Define it in a module."
        else if builtins.tail defsFinal == [ ] then
          (let d = head defsFinal; in
          if !(type.check d.value) then wrongTypeError loc type defsFinal
          else if type.plainValue or false then d.value
          else type.merge loc defsFinal)
        else
          let wrong = filter (d: !(type.check d.value)) defsFinal; in
          if wrong != [ ] then wrongTypeError loc type wrong else type.merge loc defsFinal;
    in
    {
      inherit defsFinal isDefined mergedValue;
      highestPrio = selected.prio;
      optionalValue = if isDefined then { value = mergedValue; } else { };
    };

  showLocationFile = d: d.file;
}
