# Regular expressions work on bytes: `.` takes one byte, so captures may cut
# a character, and those captures print as their bytes. A pattern may hold
# bytes that are not UTF-8 too.
let
  cut = builtins.substring 0 1 "é";
in [
  (builtins.match "(.)(.)" "é")
  (builtins.match "(.)(.*)" "日本")
  (builtins.split "" "é")
  (builtins.split "(.)" "aé")
  (builtins.split "a" "${cut}a${cut}")
  (builtins.match "(.*)" cut)
  (map (x: if builtins.isList x then x else builtins.stringLength x) (builtins.split "(.)" "é"))
  (builtins.split cut "aéb")
  (builtins.match "(${cut}).*" "é")
  (builtins.match "[${cut}]." "é")
  (builtins.match "[${cut}]" "é")
]
