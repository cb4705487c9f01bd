"/a" + /roost-golden-surely-missing-path
