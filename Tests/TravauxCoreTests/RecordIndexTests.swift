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
}
