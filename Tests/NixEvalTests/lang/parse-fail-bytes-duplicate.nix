# A duplicate attribute whose name is not UTF-8 is shown quoted, with its bytes.
{
  "é" = 1;
  "é" = 2;
}
