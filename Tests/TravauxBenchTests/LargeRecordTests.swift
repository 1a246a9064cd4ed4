import Testing
import TravauxBench
@testable import TravauxCore
import TravauxTestSupport

/// What only a large record exercises, on the synthetic one: a snapshot over a megabyte is read
/// on several threads, each given sections by what they cost to read (the shipped record's is
/// read on one); the timeline's order of thousands of events, many on the same date.
@Suite("A large synthetic record: its snapshot read on threads, its timeline")
struct LargeRecordTests {
    @Test("at 10× the shipped record, read on several threads, it comes back the same")
    func roundTripOnThreads() throws {
        let directory = try TestFiles.directory("large-snapshot")
        try SyntheticRecord(profile: .shipped.scaled(by: 10), seed: 7).write(to: directory)
        let record = try RecordLoader.load(directory: directory)
        let key = RecordSnapshot.Key(directory: directory, program: nil, files: [])
        let bytes = RecordSnapshot.encode(record, key: key)
        try #require(bytes.count > 1 << 20, "over a megabyte, so that sections are read on threads")
        let restored = try #require(bytes.withUnsafeBytes { RecordSnapshot.decode($0, key: key, directory: directory) })
        #expect(restored.allIDs == record.allIDs)
        let differing = record.allIDs.filter { restored.item($0) != record.item($0) || restored.backlinks(to: $0) != record.backlinks(to: $0) }
        #expect(differing.isEmpty, "items that did not come back the same: \(differing.prefix(5))")
    }

    @Test("the timeline's order of events is (date, position), undated ones last in file order, at 10× and on the shipped record")
    func eventOrder() throws {
        let directory = try TestFiles.directory("event-order")
        try SyntheticRecord(profile: .shipped.scaled(by: 10), seed: 11).write(to: directory)
        for record in [try RecordLoader.load(directory: directory), try RecordLoader.load(directory: TestFiles.shippedRecord)] {
            let events = record.events
            let dated = events.indices.compactMap { index in events[index].date.map { (date: $0, index: index) } }
                .sorted { ($0.date, $0.index) < ($1.date, $1.index) }
            let expected = dated.map(\.index) + events.indices.filter { events[$0].date == nil }
            #expect(record.eventOrderByDate == expected)
            // The record has years alone, months and days, and the same date more than once.
            #expect(Set(events.compactMap { $0.date?.precision }).count == 3)
            #expect(Set(events.compactMap(\.date)).count < events.filter { $0.date != nil }.count)
        }
    }

    @Test("sections are weighed by their items as well as their bytes, so events and proposals go to different threads")
    func sectionsWeighedByItems() {
        // A section of many short items outweighs one of as many bytes in a few long ones.
        #expect(RecordSnapshot.readingCost(bytes: 1_000_000, items: 2_000) > RecordSnapshot.readingCost(bytes: 1_000_000, items: 300))
        #expect(RecordSnapshot.readingCost(bytes: 10, items: -1) == 10)   // a damaged count weighs nothing
        // The sections at 100× (works, sources, events, proposals, actors, forums, themes):
        // bytes and items as the synthetic record has them.
        let bytes = [100_000, 2_900_000, 4_000_000, 6_900_000, 800_000, 300_000, 2_600_000]
        let items = [200, 5_800, 8_500, 2_500, 4_500, 1_600, 4_900]
        let costs = zip(bytes, items).map { RecordSnapshot.readingCost(bytes: $0, items: $1) }
        let shares = ParallelWork.deal(sizes: costs, parts: 2)
        let eventsShare = shares.firstIndex { $0.contains(2) }, proposalsShare = shares.firstIndex { $0.contains(3) }
        #expect(eventsShare != nil && eventsShare != proposalsShare)
        // By bytes alone, events, sources and themes went to one thread: 61–66 ms against 42–46.
        #expect(!shares.contains { Set($0).isSuperset(of: [1, 2, 6]) })
        let loads = shares.map { $0.reduce(0) { $0 + costs[$1] } }
        #expect(Double(loads.max() ?? 0) < 1.1 * Double(loads.min() ?? 0))
    }
}
