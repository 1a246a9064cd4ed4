/// Every note's tags folded, laid end to end in one buffer: what a `#tag` typed in the Notes
/// filter is compared with (`NoteMatcher.typedTags`).
///
/// Read from the notes themselves, each key touched every note's tag array and the strings
/// around it, three objects per note whose reference counts are cold: most of the 45 ms a
/// key took at 100,000 notes. Here a key reads two arrays of integers and one of
/// bytes, front to back. It is made again, whole, when the notes change.
struct FoldedNoteTags: Sendable {
    /// The folded tags, one after another.
    private var bytes: [UInt8] = []
    /// Where each tag begins in `bytes`, and one more where the last ends.
    private var tagStarts: [UInt32] = [0]
    /// The first tag of each note (in `tagStarts`), by the note's position, and one more
    /// after the last note's.
    private var noteStarts: [UInt32] = [0]

    /// Notes whose tags are laid out.
    var count: Int { noteStarts.count - 1 }

    init() {}

    /// The notes' tags folded, or nil past 4 GiB of tags, which offsets of 32 bits cannot
    /// reach (the matcher then reads the notes themselves).
    init?(_ notes: [Note]) {
        noteStarts.reserveCapacity(notes.count + 1)
        for note in notes {
            for tag in note.tags {
                Self.appendFolded(tag, to: &bytes)
                guard let end = UInt32(exactly: bytes.count) else { return nil }
                tagStarts.append(end)
            }
            guard let tags = UInt32(exactly: tagStarts.count - 1) else { return nil }
            noteStarts.append(tags)
        }
    }

    /// `TextFolding.fold`, with an ASCII tag (most are) lowered in place.
    private static func appendFolded(_ tag: String, to bytes: inout [UInt8]) {
        let start = bytes.count
        for byte in tag.utf8 {
            guard byte < 0x80 else {
                bytes.removeSubrange(start...)
                bytes.append(contentsOf: TextFolding.fold(tag).utf8)
                return
            }
            bytes.append(TextFolding.lowered(byte))
        }
    }

    /// The positions among `candidates` (every note's when nil), in order, of the notes
    /// that carry, for each of `typed`, a tag that begins with it.
    func positions(among candidates: [Int]?, carrying typed: [[UInt8]]) -> [Int] {
        bytes.withUnsafeBufferPointer { bytes in
            tagStarts.withUnsafeBufferPointer { tagStarts in
                noteStarts.withUnsafeBufferPointer { noteStarts in
                    func carries(_ position: Int) -> Bool {
                        let tags = Int(noteStarts[position])..<Int(noteStarts[position + 1])
                        return typed.allSatisfy { wanted in
                            tags.contains { tag in
                                let start = Int(tagStarts[tag])
                                guard Int(tagStarts[tag + 1]) - start >= wanted.count else { return false }
                                return wanted.withUnsafeBufferPointer { wanted in
                                    wanted.indices.allSatisfy { bytes[start + $0] == wanted[$0] }
                                }
                            }
                        }
                    }
                    guard let candidates else { return (0..<noteStarts.count - 1).filter(carries) }
                    return candidates.filter(carries)
                }
            }
        }
    }
}
