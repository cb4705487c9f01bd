{ inherit undefinedThing; }
