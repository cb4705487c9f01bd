{ a = throw "printed when strict"; }
