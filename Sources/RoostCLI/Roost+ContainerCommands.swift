// The commands of the container engine: create, start, stop, login, …
// Each lives in Containers/, one command per file.

import ArgumentParser

extension Roost {
    static let containerCommands: [ParsableCommand.Type] = [
        ContainerCreate.self,
        ContainerStart.self,
        ContainerStop.self,
        ContainerTerminate.self,
        ContainerRestart.self,
        ContainerStatus.self,
        ContainerList.self,
        ContainerDestroy.self,
        ContainerRun.self,
        ContainerRootLogin.self,
        ContainerLogin.self,
        ContainerShowIP.self,
        ContainerShowHostKey.self,
    ]
}
