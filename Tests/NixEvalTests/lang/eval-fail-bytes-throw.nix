# A thrown string that is not UTF-8 reaches stderr as its bytes.
let reason = "café è"; in
throw "bad ${reason}!"
