builtins.baseNameOf ~/some/${"file"}
