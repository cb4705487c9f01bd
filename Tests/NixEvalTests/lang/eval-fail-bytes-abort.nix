# abort with bytes that are not UTF-8: the message and the source lines
# shown under the error keep their bytes (é).
let
  x = "é";
in abort "stop é${x}"
