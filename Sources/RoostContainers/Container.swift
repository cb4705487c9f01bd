// The container engine.

public enum RoostContainers {}
