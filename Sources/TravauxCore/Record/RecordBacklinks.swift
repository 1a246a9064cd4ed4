/// Who points at each item, by the items' places in `Record.allIDs`: the sources of item `i`
/// are `sources[starts[i]..<starts[i + 1]]`, in record order, each once.
///
/// Two flat arrays rather than a list per id, because at 100× the record a dictionary of
/// arrays cost a third of building the record, and because they go into a snapshot as they are.
struct RecordBacklinks: Sendable, Equatable {
    var starts: [Int32]
    var sources: [Int32]

    /// `references(i, body)` calls `body` with the place of every item that item `i` points at
    /// (nil when no item has that id), repeats included.
    init(count: Int, references: (Int, (Int?) -> Void) -> Void) {
        var pairs: [(target: Int32, source: Int32)] = []
        pairs.reserveCapacity(count * 4)
        var counts = [Int32](repeating: 0, count: count + 1)
        for source in 0..<count {
            references(source) { target in
                guard let target, target != source else { return }
                pairs.append((Int32(target), Int32(source)))
            }
        }
        // Sources come in increasing order, so a counting sort keeps them in record order
        // within each target, and a repeat is always the last one written.
        for pair in pairs { counts[Int(pair.target) + 1] += 1 }
        for index in 0..<count { counts[index + 1] += counts[index] }
        var filled = counts
        var sources = [Int32](repeating: -1, count: pairs.count)
        for pair in pairs {
            let target = Int(pair.target)
            let next = Int(filled[target])
            if next > Int(counts[target]), sources[next - 1] == pair.source { continue }
            sources[next] = pair.source
            filled[target] += 1
        }
        // Repeats left gaps at the ends of some targets' runs: close them up.
        var written = 0
        var starts = [Int32](repeating: 0, count: count + 1)
        for target in 0..<count {
            starts[target] = Int32(written)
            for index in Int(counts[target])..<Int(filled[target]) {
                sources[written] = sources[index]
                written += 1
            }
        }
        starts[count] = Int32(written)
        sources.removeSubrange(written...)
        self.starts = starts
        self.sources = sources
    }

    init(starts: [Int32], sources: [Int32]) {
        self.starts = starts
        self.sources = sources
    }

    /// The places of the items that point at the item at `index`.
    func sources(of index: Int) -> ArraySlice<Int32> {
        guard index >= 0, index + 1 < starts.count else { return [] }
        return sources[Int(starts[index])..<Int(starts[index + 1])]
    }

    /// Whether the tables are consistent with `count` items, as a snapshot read from disk must be.
    func fits(count: Int) -> Bool {
        guard starts.count == count + 1, starts.first == 0, Int(starts[count]) == sources.count else { return false }
        for index in 0..<count where starts[index] > starts[index + 1] { return false }
        return sources.allSatisfy { $0 >= 0 && Int($0) < count }
    }
}
