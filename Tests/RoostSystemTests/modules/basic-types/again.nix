# Second definitions: equal values merge, lines/commas join, attrs and
# anything combine, unspecified lists concatenate, boolByOr ors.
{
  aBool = true;
  anInt = -7;
  aStr = "hello";
  someLines = "second";
  someCommas = "b";
  someColons = "/usr/bin";
  anAttrs = { a = 3; };
  anything = { deep.z = "w"; list = [ 1 2 ]; };
  unspecified = [ 2 ];
  byOr = true;
  untyped = { b = 2; };
}
