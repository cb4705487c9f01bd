[ /usr /usr/bin /a/b/../c /a/./b /. ]
