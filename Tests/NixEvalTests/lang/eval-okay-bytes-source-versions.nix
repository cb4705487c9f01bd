# Version strings and package names in a Latin-1 file are split and compared
# by their bytes; placeholder hashes the bytes of the output name.
[
  (builtins.parseDrvName "café-1.é")
  (builtins.parseDrvName "é-è")
  (builtins.splitVersion "1.éa2è-ç")
  (builtins.compareVersions "1.é" "1.è")
  (builtins.compareVersions "1.aé" "1.a")
  (builtins.compareVersions "1é" "1")
  (builtins.compareVersions "1.é" "1.Ã©")
  (builtins.compareVersions "1.é" "1.é")
  (builtins.placeholder "é")
]
