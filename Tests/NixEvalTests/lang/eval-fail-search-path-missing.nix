<does-not-exist>
