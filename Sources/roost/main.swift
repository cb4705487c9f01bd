// The roost executable: every command lives in RoostCLI.
import RoostCLI

Roost.main()
