[ "quote\" backslash\\ nl\n tab\t ctrl\x01 unicode é" ]
