import Foundation
import Testing
@testable import TravauxCore

@Suite("Directory listings")
struct DirectoryListingTests {
    @Test("names, prefixes, suffixes and note files are read from the bytes")
    func names() throws {
        let directory = try Fixture.temporaryDirectory()
        for name in ["01ABC.json", "store.json", ".tmp-x-12", "é 外.json", "notes"] {
            try #require(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data("x".utf8)))
        }
        let listing = try DirectoryListing(directory)
        let names = (0..<listing.count).map(listing.name)
        #expect(Set(names) == ["01ABC.json", "store.json", ".tmp-x-12", "é 外.json", "notes"])
        for index in 0..<listing.count {
            let name = names[index]
            #expect(listing.hasSuffix(index, ".json") == name.hasSuffix(".json"))
            #expect(listing.hasPrefix(index, ".tmp-") == name.hasPrefix(".tmp-"))
            #expect(listing.isNamed(index, "store.json") == (name == "store.json"))
            #expect(listing.isFile(index, ofNote: "01ABC") == (name == "01ABC.json"))
        }
        let stamps = listing.stamps(of: Array(0..<listing.count), in: directory)
        #expect(stamps.allSatisfy { $0?.size == 1 })
        #expect(Set(stamps.compactMap { $0?.inode }) == Set(listing.inodes))
        #expect(try DirectoryListing(directory + "/missing").count == 0)
    }
}
