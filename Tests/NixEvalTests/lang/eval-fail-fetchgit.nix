builtins.fetchGit "/nonexistent/roost/repository"
