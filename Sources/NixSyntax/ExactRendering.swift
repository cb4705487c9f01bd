// Text that can stand for bytes that are not UTF-8 and give them back.
// Nix strings, names and source files are bytes; messages about them (a
// thrown string, "attribute '…' missing", a source line under an error) are
// built as Swift text and must still reach stderr as the exact bytes.
// Each byte that is not part of valid UTF-8 is written as two Unicode
// noncharacters (code points Unicode sets aside for a program's internal
// use, never for interchange): U+FDD0+(high nibble−8), U+FDE0+(low nibble).
// `bytes(of:)` turns such pairs back into their byte. Text already valid is
// left as it is, at no cost.
//
// It does not escape those noncharacter pairs when they occur in valid text:
// such text, if it ever reached an error message, would come out as the byte
// the pair stands for. Evaluation itself never depends on this rendering (it
// compares and hashes exact bytes); only messages do.

public enum ExactRendering {
    /// Text for `bytes`: the same text when they are UTF-8, otherwise every
    /// byte that is not part of a valid sequence becomes a noncharacter pair.
    public static func text(of bytes: some Collection<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        let array = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = array.makeIterator()
        var index = 0
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                index += encoded.count
            case .error(let length):
                for b in array[index..<min(index + length, array.count)] { appendPair(b, to: &scalars) }
                index += length
            case .emptyInput:
                break loop
            }
        }
        return String(scalars)
    }

    /// The bytes `text` stands for: its UTF-8, with each noncharacter pair
    /// turned back into the byte it renders.
    public static func bytes(of text: String) -> [UInt8] {
        // Both scalars of a pair start with the UTF-8 bytes EF B7.
        guard text.utf8.contains(0xB7) else { return Array(text.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i].value
            if (0xFDD0...0xFDD7).contains(s), i + 1 < scalars.count,
               case let low = scalars[i + 1].value, (0xFDE0...0xFDEF).contains(low) {
                out.append(UInt8(truncatingIfNeeded: 0x80 | ((s - 0xFDD0) << 4) | (low - 0xFDE0)))
                i += 2
                continue
            }
            out.append(contentsOf: String(scalars[i]).utf8)
            i += 1
        }
        return out
    }

    private static func appendPair(_ b: UInt8, to scalars: inout String.UnicodeScalarView) {
        // A byte outside a valid sequence is never ASCII (its high nibble is 8…15).
        guard b >= 0x80 else { scalars.append(Unicode.Scalar(b)); return }
        let high = UInt32(b >> 4) & 7, low = UInt32(b & 0xF)
        if let h = Unicode.Scalar(0xFDD0 + high), let l = Unicode.Scalar(0xFDE0 + low) {
            scalars.append(h)
            scalars.append(l)
        }
    }
}
