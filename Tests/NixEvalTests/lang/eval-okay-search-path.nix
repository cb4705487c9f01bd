<search1>
