// Placeholders for the evaluator core's compiled code and environments.
// The core replaces these with its real representation.

public final class Code {}
public final class Env {}
public final class Closure {}
