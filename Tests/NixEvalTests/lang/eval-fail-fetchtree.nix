builtins.fetchTree { type = "git"; url = "/nonexistent/roost/repository"; }
