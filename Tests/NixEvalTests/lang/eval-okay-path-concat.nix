[ (./fixtures + "/data.txt") (/usr + "/lib") (/a + "b") (/a/b + ./c == /a/b/c) ]
