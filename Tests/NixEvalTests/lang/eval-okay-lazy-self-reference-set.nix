let r = { x = 1; y = r.x + 1; z = r.y + 1; }; in r.z
