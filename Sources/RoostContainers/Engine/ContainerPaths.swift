// Where the engine keeps things. Persistent: each container's root below
// /var/lib/containers and roost's record of it (manifest with its resolved
// network) below /var/lib/roost/containers, outside the root so the
// container cannot edit what the host trusts. Runtime: pid files, the console
// log, the notify socket, locks and network namespaces below /run/roost.
// Tests point these at other directories; nothing here touches the disk.

public struct ContainerPaths: Sendable, Equatable {
    public var containers: String
    public var records: String
    public var runtime: String
    /// Shared read-only into every container if it exists (the Roost store).
    public var store: String

    public init(containers: String = "/var/lib/containers", records: String = "/var/lib/roost/containers",
                runtime: String = "/run/roost", store: String = "/var/lib/roost/store") {
        self.containers = containers
        self.records = records
        self.runtime = runtime
        self.store = store
    }

    public func root(_ name: ContainerName) -> String { containers + "/" + name.value }
    public func record(_ name: ContainerName) -> String { records + "/" + name.value + ".json" }
    /// Where `create` builds a root before renaming it into place.
    public func creating(_ name: ContainerName) -> String { containers + "/." + name.value + ".creating" }
    /// Where `destroy` moves a root before deleting it.
    public func destroying(_ name: ContainerName) -> String { containers + "/." + name.value + ".destroying" }

    public var locks: String { runtime + "/locks" }
    public func lock(_ name: ContainerName) -> String { locks + "/" + name.value + ".lock" }
    /// Serialises creates, so names and addresses are handed out once.
    /// Container names cannot start with ".", so this never clashes.
    public var createLock: String { locks + "/.create.lock" }

    public var netnsDirectory: String { runtime + "/netns" }
    public func netns(_ name: ContainerName) -> String { netnsDirectory + "/" + name.value }

    public func runtimeDirectory(_ name: ContainerName) -> String { runtime + "/containers/" + name.value }
    public func nspawnPID(_ name: ContainerName) -> String { runtimeDirectory(name) + "/nspawn.pid" }
    public func leaderPID(_ name: ContainerName) -> String { runtimeDirectory(name) + "/leader.pid" }
    public func consoleLog(_ name: ContainerName) -> String { runtimeDirectory(name) + "/console.log" }
    public func notifySocket(_ name: ContainerName) -> String { runtimeDirectory(name) + "/notify.sock" }

    public func rootShellSocket(_ name: ContainerName) -> String { root(name) + "/" + EngineFiles.rootShellSocket }
    public func loginSocket(_ name: ContainerName) -> String { root(name) + "/" + EngineFiles.loginSocket }
}
