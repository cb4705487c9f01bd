# Two nested sets with a clashing name that is not UTF-8.
{
  a = { "xé" = 1; };
  a = { "xé" = 2; };
}
