import (toString ./fixtures/simple.nix)
