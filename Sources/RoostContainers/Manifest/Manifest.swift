// The manifest: plain data describing a container's system — hostname, users
// and groups, files for /etc, systemd units, network settings, bind mounts.
// Today a user hands it over as JSON (`roost create --manifest FILE`); the
// module system produces it later. docs/manifest.md documents every field.
// Decoding rejects unknown keys so a typo is an error, not a silent default.
// This file holds the types only: defaults, validation and rendering live beside it.

public struct Manifest: Codable, Equatable, Sendable {
    /// The container's hostname; nil means the container's name.
    public var hostname: String?
    public var users: [User]
    public var groups: [Group]
    /// Files below /etc, keyed by their path relative to /etc (e.g. "ssh/sshd_config").
    public var etc: [String: EtcFile]
    /// systemd units, keyed by unit file name (e.g. "web.service").
    public var units: [String: Unit]
    public var network: Network
    /// Host directories mounted into the container (besides /usr, always read-only).
    public var bindMounts: [BindMount]

    public init(hostname: String? = nil, users: [User] = [], groups: [Group] = [], etc: [String: EtcFile] = [:],
                units: [String: Unit] = [:], network: Network = Network(), bindMounts: [BindMount] = []) {
        self.hostname = hostname
        self.users = users
        self.groups = groups
        self.etc = etc
        self.units = units
        self.network = network
        self.bindMounts = bindMounts
    }

    public struct User: Codable, Equatable, Sendable {
        public var name: String
        public var uid: UInt32
        /// The primary group's name; it must be one of the manifest's groups.
        public var group: String
        public var description: String
        public var home: String
        public var shell: String
        /// A crypt(3) hash for /etc/shadow; nil locks the password ("!").
        public var hashedPassword: String?
        public var extraGroups: [String]
        /// Whether the home directory is made (owned by the user, mode 0700) at create.
        public var createHome: Bool

        public init(name: String, uid: UInt32, group: String, description: String = "", home: String,
                    shell: String = "/bin/bash", hashedPassword: String? = nil, extraGroups: [String] = [],
                    createHome: Bool = true) {
            self.name = name
            self.uid = uid
            self.group = group
            self.description = description
            self.home = home
            self.shell = shell
            self.hashedPassword = hashedPassword
            self.extraGroups = extraGroups
            self.createHome = createHome
        }
    }

    public struct Group: Codable, Equatable, Sendable {
        public var name: String
        public var gid: UInt32
        public var members: [String]

        public init(name: String, gid: UInt32, members: [String] = []) {
            self.name = name
            self.gid = gid
            self.members = members
        }
    }

    public struct EtcFile: Codable, Equatable, Sendable {
        public var text: String
        /// Octal permission bits as text, e.g. "0644".
        public var mode: String

        public init(text: String, mode: String = "0644") {
            self.text = text
            self.mode = mode
        }
    }

    public struct Unit: Codable, Equatable, Sendable {
        public var text: String
        /// Targets (or other units) whose `.wants/` gets a link to this unit.
        public var wantedBy: [String]
        /// A disabled unit is not installed at all.
        public var enable: Bool

        public init(text: String, wantedBy: [String] = [], enable: Bool = true) {
            self.text = text
            self.wantedBy = wantedBy
            self.enable = enable
        }
    }

    public struct Network: Codable, Equatable, Sendable {
        /// A veth pair c-NAME/eth0 in the container's own network namespace;
        /// false shares the host's network.
        public var privateNetwork: Bool
        public var hostAddress: IPv4Address?
        public var localAddress: IPv4Address?

        public init(privateNetwork: Bool = false, hostAddress: IPv4Address? = nil, localAddress: IPv4Address? = nil) {
            self.privateNetwork = privateNetwork
            self.hostAddress = hostAddress
            self.localAddress = localAddress
        }
    }

    public struct BindMount: Codable, Equatable, Sendable {
        public var hostPath: String
        /// Where it appears in the container; nil means the same path as on the host.
        public var mountPoint: String?
        public var readOnly: Bool

        public init(hostPath: String, mountPoint: String? = nil, readOnly: Bool = true) {
            self.hostPath = hostPath
            self.mountPoint = mountPoint
            self.readOnly = readOnly
        }
    }
}
