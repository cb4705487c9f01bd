# Assertions with messages, for functions that validate their arguments.
{ lib }:
{
  assertMsg = pred: msg: pred || builtins.throw msg;
  assertOneOf = name: value: allowed:
    builtins.elem value allowed
    || builtins.throw "${name} must be one of ${lib.generators.toPretty { multiline = false; } allowed}, but is: ${lib.generators.toPretty { multiline = false; } value}";
}
