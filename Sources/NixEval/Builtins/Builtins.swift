// The registry of builtins: every group's functions and constants. Each group
// lives in its own `Builtins+Topic.swift`.

public enum Builtins {
    /// Every builtin function, from every group.
    public static var functions: [PrimOp] {
        core + arithmetic + strings + regex + versions + hashing + json + xml + toml
            + lists + attrs + paths + context + derivations + fetchers
    }

    /// Every builtin value that is not a function.
    public static var constants: [BuiltinConstant] { coreConstants }
}
