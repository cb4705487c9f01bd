rec { x = y + 1; y = z + 1; z = 0; }
