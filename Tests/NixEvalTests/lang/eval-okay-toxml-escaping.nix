builtins.toXML [ "<tag attr=\"v\">&'" ]
