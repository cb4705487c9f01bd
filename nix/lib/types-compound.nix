# Types built from other types: lists, attribute sets (uniform, lazy, and
# heterogeneous), null-or, either/oneOf, coercedTo, functionTo, uniq/unique.
# Each element is merged through mergeDefinitions, so mkIf, mkMerge and
# priorities work inside lists and sets as they do at an option.
{ lib }:
let
  inherit (builtins) isAttrs isList all filter length head elemAt concatLists
    concatMap mapAttrs zipAttrsWith unsafeGetAttrPos attrNames;
  inherit (lib.types) mkOptionType defaultFunctor optionDescriptionPhrase;
  inherit (lib.options) showOption showDefs showFiles mergeUniqueOption;
  inherit (lib.modules) mergeDefinitions isProperty;
  inherit (lib.lists) imap1;

  nounOrComposite = c: c == "noun" || c == "composite";
  nounOrConjunction = c: c == "noun" || c == "conjunction";

  wrapping = name: type: elemType: (defaultFunctor name) // { inherit type; wrapped = elemType; };

  # The definitions of every attribute of set-valued definitions, with the
  # position each attribute was written at.
  definitionsByName = defs:
    zipAttrsWith (_: ds: ds) (map
      (d: mapAttrs (n: v: { inherit (d) file; value = v; pos = unsafeGetAttrPos n d.value; }) d.value)
      defs);

  # Sets whose element types come from `typeOf name`; shared by attrsOf and
  # heterogeneousAttrsOf. `lazy` keeps every attribute (its value throws when
  # undefined) so the names never depend on mkIf conditions.
  mergeSet = lazy: typeOf: loc: defs:
    let
      byName = definitionsByName defs;
      merged = mapAttrs (n: ds: mergeOne n (typeOf n) ds) byName;
      # One plain, checked definition is its own value; anything else goes
      # through mergeDefinitions (which also reports a wrong type).
      mergeOne = n: t: ds:
        let v = (head ds).value; in
        if t.plainValue && builtins.tail ds == [ ] && !(isProperty v) && t.check v
        then { isDefined = true; mergedValue = v; }
        else mergeDefinitions (loc ++ [ n ]) t ds;
    in
    if lazy then mapAttrs (_: r: r.mergedValue) merged
    else
      builtins.listToAttrs (concatMap
        (n: let r = merged.${n}; in if r.isDefined then [{ name = n; value = r.mergedValue; }] else [ ])
        (attrNames merged));

  attrsOfWith = lazy: elemType:
    let self = mkOptionType {
      name = if lazy then "lazyAttrsOf" else "attrsOf";
      description = "${if lazy then "lazy " else ""}attribute set of ${optionDescriptionPhrase nounOrComposite elemType}";
      descriptionClass = "composite";
      check = isAttrs;
      merge = mergeSet lazy (_: elemType);
      emptyValue = { value = { }; };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<name>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: attrsOfWith lazy (elemType.substSubModules m);
      functor = wrapping self.name (attrsOfWith lazy) elemType;
      nestedTypes.elemType = elemType;
    }; in self;
in
rec {
  listOf = elemType: mkOptionType {
    name = "listOf";
    description = "list of ${optionDescriptionPhrase nounOrComposite elemType}";
    descriptionClass = "composite";
    # Elements are checked here too, so a wrong element is reported against
    # the whole list and its type ("list of 16 bit unsigned integer").
    # Elements wrapped in mkIf and friends are checked once resolved.
    check = x: isList x && all (e: isProperty e || elemType.check e) x;
    merge = loc: defs:
      concatLists (imap1
        (i: d: concatMap
          (pair:
            let e = pair.e; in
            if elemType.plainValue && !(isProperty e) then [ e ]
            else
              let r = mergeDefinitions (loc ++ [ "[definition ${toString i}-entry ${toString pair.j}]" ])
                elemType [{ inherit (d) file; pos = d.pos or null; value = e; }];
              in if r.isDefined then [ r.mergedValue ] else [ ])
          (imap1 (j: e: { inherit j e; }) d.value))
        defs);
    emptyValue = { value = [ ]; };
    getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
    getSubModules = elemType.getSubModules;
    substSubModules = m: listOf (elemType.substSubModules m);
    functor = wrapping "listOf" listOf elemType;
    nestedTypes.elemType = elemType;
  };

  nonEmptyListOf = elemType:
    let list = listOf elemType; in
    list // {
      description = "non-empty ${optionDescriptionPhrase nounOrComposite list}";
      check = x: list.check x && x != [ ];
      emptyValue = { };
      substSubModules = m: nonEmptyListOf (elemType.substSubModules m);
    };

  attrsOf = attrsOfWith false;
  lazyAttrsOf = attrsOfWith true;

  # An attribute set whose attribute `name` has type `typeOf name`: how a set
  # of differently typed entries (a container's settings, a unit's sections)
  # is typed without declaring every name.
  heterogeneousAttrsOf = typeOf: mkOptionType {
    name = "heterogeneousAttrsOf";
    description = "attribute set of values typed by their names";
    descriptionClass = "composite";
    check = isAttrs;
    merge = mergeSet false typeOf;
    emptyValue = { value = { }; };
    functor = (defaultFunctor "heterogeneousAttrsOf") // {
      type = heterogeneousAttrsOf;
      payload = typeOf;
      # Two declarations combine name by name.
      binOp = f: g: name:
        let t = (f name).typeMerge (g name).functor; in
        if t == null then throw "heterogeneousAttrsOf: the two declarations give attribute `${name}' types that cannot be combined: `${(f name).description}' and `${(g name).description}'."
        else t;
    };
  };

  nullOr = elemType: mkOptionType {
    name = "nullOr";
    description = "null or ${optionDescriptionPhrase nounOrConjunction elemType}";
    descriptionClass = "conjunction";
    check = x: x == null || elemType.check x;
    merge = loc: defs:
      let nulls = filter (d: d.value == null) defs; in
      if nulls == [ ] then elemType.merge loc defs
      else if length nulls == length defs then null
      else throw "The option `${showOption loc}' is defined both null and not null, in ${showFiles (map (d: d.file) defs)}.${showDefs defs}";
    emptyValue = { value = null; };
    plainValue = elemType.plainValue;
    getSubOptions = elemType.getSubOptions;
    getSubModules = elemType.getSubModules;
    substSubModules = m: nullOr (elemType.substSubModules m);
    functor = wrapping "nullOr" nullOr elemType;
    nestedTypes.elemType = elemType;
  };

  functionTo = elemType: mkOptionType {
    name = "functionTo";
    description = "function that evaluates to a(n) ${optionDescriptionPhrase nounOrComposite elemType}";
    descriptionClass = "composite";
    check = lib.trivial.isFunction;
    merge = loc: defs: arg:
      (mergeDefinitions (loc ++ [ "<function body>" ]) elemType
        (map (d: d // { value = d.value arg; }) defs)).mergedValue;
    getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<function body>" ]);
    getSubModules = elemType.getSubModules;
    substSubModules = m: functionTo (elemType.substSubModules m);
    functor = wrapping "functionTo" functionTo elemType;
    nestedTypes.elemType = elemType;
  };

  either = left: right:
    let self = mkOptionType {
      name = "either";
      description = "${optionDescriptionPhrase nounOrConjunction left} or ${optionDescriptionPhrase (c: c == "noun" || c == "conjunction" || c == "composite") right}";
      descriptionClass = "conjunction";
      check = x: left.check x || right.check x;
      merge = loc: defs:
        let values = map (d: d.value) defs; in
        if all left.check values then left.merge loc defs
        else if all right.check values then right.merge loc defs
        else lib.options.mergeEqualOption loc defs;
      typeMerge = g:
        if g.name != "either" then null
        else
          let
            l = left.typeMerge (elemAt g.wrapped 0).functor;
            r = right.typeMerge (elemAt g.wrapped 1).functor;
          in
          if l == null || r == null then null else either l r;
      functor = (defaultFunctor "either") // { type = either; wrapped = [ left right ]; };
      nestedTypes = { inherit left right; };
      plainValue = left.plainValue && right.plainValue;
    }; in self;

  oneOf = ts:
    if ts == [ ] then throw "types.oneOf needs at least one type"
    else builtins.foldl' either (head ts) (builtins.tail ts);

  # Values of `from` are turned into `to` by `coerce` before merging.
  coercedTo = from: coerce: to: mkOptionType {
    name = "coercedTo";
    description = "${optionDescriptionPhrase (c: c == "noun") to} or ${optionDescriptionPhrase (c: c == "noun") from} convertible to it";
    check = x: (from.check x && to.check (coerce x)) || to.check x;
    merge = loc: defs:
      to.merge loc (map (d: if from.check d.value then d // { value = coerce d.value; } else d) defs);
    emptyValue = to.emptyValue;
    getSubOptions = to.getSubOptions;
    getSubModules = to.getSubModules;
    substSubModules = m: coercedTo from coerce (to.substSubModules m);
    typeMerge = _: null;
    functor = (defaultFunctor "coercedTo") // { wrapped = to; };
    nestedTypes = { coercedType = from; finalType = to; };
  };

  # Like `t`, but it may be defined only once.
  unique = { message ? "" }: t: mkOptionType {
    name = "unique";
    inherit (t) description descriptionClass check emptyValue getSubOptions getSubModules;
    merge = mergeUniqueOption { inherit message; inherit (t) merge; };
    substSubModules = m: unique { inherit message; } (t.substSubModules m);
    functor = wrapping "unique" (unique { inherit message; }) t;
    nestedTypes.elemType = t;
  };
  uniq = unique { };
}
