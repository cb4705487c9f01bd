# A failed assertion shows its condition with the literal bytes.
assert "café" == "cafe"; 1
