# `==` and `!=` between evaluated operands of every common kind, including
# null against each other kind and numbers of both kinds.
let f = x: x; in [
  (null == null) (null == false) (false == null) (null == 0) (0 == null)
  (null == "") ("" == null) (null == { }) ({ } == null) (null == [ ]) ([ ] == null)
  (null == 0.0) (null == ./.) (null == f) (null != null) (null != 1)
  ("a" == "a") ("a" == "b") ("a" != "a") ("${toString 1}" == "1")
  (1 == 1) (1 == 2) (1 == 1.0) (1.0 == 1) (true == true) (true == false) (true != false)
  (1 == "1") ("1" == 1) (true == 1) ([ 1 ] == [ 1 ]) ({ a = 1; } == { a = 1; })
]
