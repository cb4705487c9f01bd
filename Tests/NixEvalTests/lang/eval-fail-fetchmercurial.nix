builtins.fetchMercurial "/nonexistent/roost/repository"
