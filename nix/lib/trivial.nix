# Roost's small general-purpose functions: identity and combinators, booleans,
# numbers, function argument introspection, warnings and fixed points.
# Everything here is plain Nix over builtins; nothing knows about modules.
{ lib }:
let
  inherit (builtins) isFunction functionArgs isAttrs foldl' trace;
in
rec {
  inherit (builtins) seq deepSeq bitAnd bitOr bitXor isInt isFloat isBool isString
    isList isAttrs isPath isNull typeOf toString toJSON fromJSON tryEval
    throw abort trace readFile pathExists;

  id = x: x;
  const = x: _: x;
  flip = f: a: b: f b a;
  pipe = value: fns: foldl' (acc: f: f acc) value fns;
  concat = a: b: a ++ b;
  "or" = a: b: a || b;
  "and" = a: b: a && b;
  xor = a: b: a != b;
  bitNot = builtins.sub (-1);
  boolToString = b: if b then "true" else "false";
  mergeAttrs = a: b: a // b;
  min = a: b: if a < b then a else b;
  max = a: b: if a > b then a else b;
  mod = a: b: a - (a / b) * b;
  compare = a: b: if a < b then -1 else if a > b then 1 else 0;
  defaultTo = fallback: x: if x == null then fallback else x;
  mapNullable = f: x: if x == null then null else f x;

  # `f` may be a lambda or a set with `__functor`; both count as functions here,
  # because option types and modules accept either.
  isFunction = f: builtins.isFunction f || (isAttrs f && f ? __functor);

  # Argument names of a function, honouring arguments attached with
  # setFunctionArgs (a functor cannot declare formals itself).
  functionArgs = f:
    if isAttrs f then
      f.__functionArgs or (functionArgs (f.__functor f))
    else builtins.functionArgs f;

  setFunctionArgs = f: args: {
    __functor = self: f;
    __functionArgs = args;
  };

  mirrorFunctionArgs = source: target: setFunctionArgs target (functionArgs source);

  toFunction = v: if isFunction v then v else _: v;

  fix = f: let x = f x; in x;
  fix' = f: let x = f x // { __unfix__ = f; }; in x;
  extends = overlay: base: self: let prev = base self; in prev // overlay self prev;

  warn = msg: trace "warning: ${msg}";
  warnIf = cond: msg: if cond then warn msg else x: x;
  warnIfNot = cond: msg: if cond then x: x else warn msg;
  info = msg: trace "INFO: ${msg}";
  showWarnings = warnings: value: lib.lists.foldr (w: acc: warn w acc) value warnings;
  throwIf = cond: msg: if cond then builtins.throw msg else x: x;
  throwIfNot = cond: msg: if cond then x: x else builtins.throw msg;

  traceIf = cond: msg: x: if cond then trace msg x else x;
  traceVal = x: trace x x;
  traceValFn = f: x: trace (f x) x;
  traceSeq = x: y: trace (builtins.deepSeq x x) y;
  traceValSeq = x: traceVal (builtins.deepSeq x x);

  importJSON = path: builtins.fromJSON (builtins.readFile path);
  importTOML = path: builtins.fromTOML (builtins.readFile path);

  # Digits of `n` in base `base`, most significant first.
  toBaseDigits = base: n:
    let
      go = k: acc: if k < base then [ k ] ++ acc else go (k / base) ([ (mod k base) ] ++ acc);
    in
    if base < 2 then builtins.throw "lib.toBaseDigits: the base must be at least 2"
    else if n < 0 then builtins.throw "lib.toBaseDigits: the number must not be negative"
    else go n [ ];

  toHexString = n:
    lib.strings.concatMapStrings (d: builtins.substring d 1 "0123456789ABCDEF") (toBaseDigits 16 n);
}
