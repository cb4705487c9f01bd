// Configuration -> manifest -> generation -> activation.

public enum RoostSystem {}
