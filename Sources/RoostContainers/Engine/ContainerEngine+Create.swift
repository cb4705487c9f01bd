// `create`: check everything first (name, manifest, addresses, programs), then
// write the record, build the root in a temporary directory and rename it into
// place. The record is the first thing written and the rename the last, so a
// roost killed in between leaves a record without a root, which every command
// reports as incomplete and the next `create` or `destroy` of that name clears.

import Glibc

extension ContainerEngine {
    /// What the caller asks of a new container's network, on top of its manifest.
    public struct NetworkRequest: Sendable, Equatable {
        public var privateNetwork: Bool
        public var hostAddress: IPv4Address?
        public var localAddress: IPv4Address?

        public init(privateNetwork: Bool = false, hostAddress: IPv4Address? = nil, localAddress: IPv4Address? = nil) {
            self.privateNetwork = privateNetwork
            self.hostAddress = hostAddress
            self.localAddress = localAddress
        }
    }

    @discardableResult
    public func create(_ name: ContainerName, manifest given: Manifest, network request: NetworkRequest = NetworkRequest(),
                       manifestSource: String = "the manifest") throws(ContainerError) -> ContainerRecord {
        try requireRoot()
        var manifest = given
        if request.privateNetwork { manifest.network.privateNetwork = true }
        if let host = request.hostAddress { manifest.network.hostAddress = host }
        if let local = request.localAddress { manifest.network.localAddress = local }
        if !manifest.network.privateNetwork && (manifest.network.hostAddress != nil || manifest.network.localAddress != nil) {
            throw .addressesWithoutPrivateNetwork
        }
        if let problem = manifest.problems().first { throw .invalidManifest(path: manifestSource, reason: problem) }
        _ = try HostProgram.systemdNspawn.locate()
        let usrLinks = try ContainerEngine.hostUsrLinks()

        for directory in [paths.containers, paths.records] { try FileWrite.directory(directory, mode: 0o700) }
        let createLock = try self.createLock()
        defer { createLock.release() }
        let lock = try self.lock(name)
        defer { lock.release() }

        try clearInterruptedCreate(name)
        if access(paths.root(name), F_OK) == 0 {
            throw .notCreatedByRoost(name: name.value, path: paths.root(name))
        }
        if manifest.network.privateNetwork {
            manifest.network = try resolve(manifest.network, for: name)
        }

        let record = ContainerRecord(name: name, manifest: manifest)
        try record.save(to: paths.record(name))
        let entries = RootLayout.creation(name: name, manifest: manifest, machineID: ContainerEngine.randomMachineID(),
                                          hostOSRelease: ContainerEngine.hostOSRelease(), usrLinks: usrLinks)
        let temporary = paths.creating(name)
        guard mkdir(temporary, 0o755) == 0 else { throw .errno("mkdir", temporary) }
        guard chmod(temporary, 0o755) == 0 else { throw .errno("chmod", temporary) }
        try RootDirectory(path: temporary).write(entries)
        guard rename(temporary, paths.root(name)) == 0 else { throw .errno("rename", paths.root(name)) }
        return record
    }

    /// A record without a root is what an interrupted create leaves: remove
    /// it and any half-built root. A record with a root is a real container.
    func clearInterruptedCreate(_ name: ContainerName) throws(ContainerError) {
        if try ContainerRecord.load(from: paths.record(name)) != nil {
            guard access(paths.root(name), F_OK) != 0 else { throw .duplicateName(name.value) }
            notice("removing the remains of an interrupted create of '\(name)'")
            unlink(paths.record(name))
        }
        try removeTree(paths.creating(name))
    }

    /// Checks requested addresses against every other container and the
    /// host's interfaces, or picks the first free pair.
    func resolve(_ network: Manifest.Network, for name: ContainerName) throws(ContainerError) -> Manifest.Network {
        var owners: [IPv4Address: String] = [:]
        for record in try records() where record.name != name {
            for address in [record.network.hostAddress, record.network.localAddress].compactMap({ $0 }) {
                owners[address] = "container '\(record.name)'"
            }
        }
        for (interface, address) in HostInterfaces.ipv4Addresses() where owners[address] == nil {
            owners[address] = "the host's interface \(interface)"
        }
        var resolved = network
        if let host = network.hostAddress, let local = network.localAddress {
            for address in [host, local] {
                if let owner = owners[address] { throw .addressInUse(address: address.description, by: owner) }
            }
        } else {
            guard let pair = AddressPool.firstFree(excluding: Set(owners.keys)) else { throw .addressPoolExhausted }
            resolved.hostAddress = pair.host
            resolved.localAddress = pair.local
        }
        return resolved
    }

    /// Removes a directory tree without following symlinks or crossing into
    /// other file systems (rm -rf --one-file-system); absent trees are fine.
    func removeTree(_ path: String) throws(ContainerError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        try Runner.check(Invocation(try HostProgram.rm.locate(), ["-rf", "--one-file-system", "--", path]))
    }

    /// The usr-merge links of this host; containers get the same ones.
    static func hostUsrLinks(root: String = "") throws(ContainerError) -> [String] {
        var links: [String] = []
        for name in RootLayout.usrMergeCandidates {
            var buffer = [CChar](repeating: 0, count: 256)
            let count = readlink(root + "/" + name, &buffer, buffer.count - 1)
            guard count > 0 else { continue }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target == "usr/" + name || target == "/usr/" + name { links.append(name) }
        }
        guard links.contains("bin") else { throw .hostNotUsrMerged(root + "/bin") }
        return links
    }

    static func hostOSRelease() -> [String: String] {
        let text = Processes.read("/etc/os-release") ?? Processes.read("/usr/lib/os-release") ?? ""
        return EtcFiles.parseOSRelease(text)
    }

    /// 128 random bits, shaped like the UUIDv4 systemd itself would make.
    static func randomMachineID() -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 16)
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        if fd >= 0 {
            _ = read(fd, &bytes, bytes.count)
            close(fd)
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return bytes
    }
}
