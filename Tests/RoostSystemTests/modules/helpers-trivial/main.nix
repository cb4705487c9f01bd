# The trivial helpers, fixed points and assertions.
let lib = import <roost/lib>; in
with lib; {
  id = id 5;
  const = const 1 2;
  flip = flip (a: b: a - b) 1 10;
  pipe = pipe 2 [ (x: x + 1) (x: x * 10) ];
  boolToString = [ (boolToString true) (boolToString false) ];
  min = min 3 4;
  max = max 3 4;
  mod = mod 17 5;
  compare = [ (compare 1 2) (compare 2 2) (compare 3 2) ];
  xor = [ (xor true false) (xor true true) ];
  defaultTo = [ (defaultTo 1 null) (defaultTo 1 2) ];
  mapNullable = [ (mapNullable (x: x + 1) null) (mapNullable (x: x + 1) 1) ];
  isFunction = [ (isFunction (x: x)) (isFunction { __functor = self: x: x; }) (isFunction 1) ];
  functionArgs = functionArgs ({ a, b ? 1 }: a);
  setFunctionArgs = functionArgs (setFunctionArgs (args: args) { x = false; });
  toFunction = [ (toFunction 1 "ignored") (toFunction (x: x + 1) 1) ];
  fix = (fix (self: { a = 1; b = self.a + 1; })).b;
  extensible = let e = (makeExtensible (self: { a = 1; b = self.a * 10; })).extend (final: prev: { a = 2; }); in { inherit (e) a b; };
  toHexString = toHexString 255;
  toBaseDigits = toBaseDigits 2 6;
  assertMsg = assertMsg true "never shown";
  assertOneOf = assertOneOf "colour" "red" [ "red" "blue" ];
  warnIfNot = warnIfNot true "not shown" "value";
  throwIf = throwIf false "not thrown" "value";
  importJSON = importJSON ./data.json;
  showWarnings = showWarnings [ ] "value";
}
