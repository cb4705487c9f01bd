import Foundation
import Testing
@testable import RoostSystem

@Suite struct BundledNixTests {
    /// The repository's nix/ folder, found from this file's path.
    static let sourceNix = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("nix").path

    @Test("every file under nix/ is embedded with its exact contents")
    func embedsEveryFile() throws {
        let fm = FileManager.default
        var onDisk: [String] = []
        let walker = fm.enumerator(atPath: Self.sourceNix)
        while let rel = walker?.nextObject() as? String {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: Self.sourceNix + "/" + rel, isDirectory: &isDir), !isDir.boolValue { onDisk.append(rel) }
        }
        let embedded = BundledNix.files
        #expect(embedded.map(\.path) == onDisk.sorted())
        for f in embedded {
            #expect(fm.contents(atPath: Self.sourceNix + "/" + f.path) == f.contents, "\(f.path) differs")
        }
    }

    @Test("the bundled tree is written once into the store and reused")
    func materializesOnce() throws {
        let store = NSTemporaryDirectory() + "roost-bundled-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: store) }
        let first = try BundledNix.directory(storeDir: store)
        #expect(first.hasPrefix(store + "/"))
        #expect(first.hasSuffix("-roost-nix"))
        #expect(FileManager.default.fileExists(atPath: first + "/README.md"))
        let second = try BundledNix.directory(storeDir: store)
        #expect(first == second)
        let entries = try FileManager.default.contentsOfDirectory(atPath: store)
        #expect(entries.count == 1, "no temporary directory is left behind: \(entries)")
    }
}
