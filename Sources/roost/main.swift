// The roost executable: every command lives in RoostCLI.
//
// Before anything else, ask the allocator (mimalloc, linked into this
// binary) for 2 MiB pages: an evaluation allocates hundreds of megabytes in
// small objects, and faulting them in 4 KiB at a time costs about as much
// system time as a tenth of the evaluation. Looked up by name, so a build
// without mimalloc runs unchanged.
#if canImport(Glibc)
import Glibc
#endif
import RoostCLI

#if canImport(Glibc)
/// mimalloc's `mi_option_large_os_pages`.
let largeOSPagesOption: Int32 = 6
if let handle = dlopen(nil, RTLD_NOW), let enable = dlsym(handle, "mi_option_enable") {
    unsafeBitCast(enable, to: (@convention(c) (Int32) -> Void).self)(largeOSPagesOption)
}
#endif

Roost.main()
