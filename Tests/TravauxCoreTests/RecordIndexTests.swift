import Testing
@testable import TravauxCore

/// The tables `Record` builds at load, against their plain definitions.
@Suite("The record's tables")
struct RecordIndexTests {
    @Test("backlinks are the items that cite or name an id, in record order, once each", arguments: [
        Fixture.recordDirectory, Fixture.shippedRecordDirectory,
    ])
    func backlinks(_ directory: String) throws {
        let record = try RecordLoader.load(directory: directory)
        let items = ItemKind.allCases.flatMap { record.items(of: $0) }
        for id in record.allIDs {
            let expected = items.filter { item in
                item.id != id && (item.sourceIDs.contains(id) || item.linkedIDs.contains(id))
            }.map(\.id).uniqued()
            #expect(record.backlinks(to: id) == expected, "\(id)")
        }
    }

    @Test("every id finds its own item, of its own kind")
    func items() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        for kind in ItemKind.allCases {
            for item in record.items(of: kind) {
                #expect(record.item(item.id) == item)
            }
        }
        #expect(record.item("no-such-item") == nil)
    }

    @Test("a proposal's version count, read in place, is its versions'; any other id has none")
    func versionCounts() throws {
        let record = try RecordLoader.load(directory: Fixture.shippedRecordDirectory)
        for id in record.allIDs {
            let expected: Int
            if case .proposal(let proposal)? = record.item(id) { expected = proposal.versions.count } else { expected = 0 }
            #expect(record.versionCount(ofProposal: id) == expected, "\(id)")
        }
        #expect(record.proposals.contains { $0.versions.count >= 2 })
        #expect(record.versionCount(ofProposal: "no-such-item") == 0)
    }
}
