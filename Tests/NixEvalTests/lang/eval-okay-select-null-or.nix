[ (null.a or 1) ((1).a or 2) ("s".x or 3) ]
