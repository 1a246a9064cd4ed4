import Foundation
import Testing
@testable import TravauxCore

@Suite("Item detail")
struct DetailTests {
    @Test("a proposal's detail lists its versions in date order with their quotes")
    func proposalVersions() throws {
        let record = try Fixture.record()
        let document = try #require(record.detail(of: "ppwt"))
        let versions = try #require(document.sections.first { $0.title == "Versions" })
        let markers = versions.blocks.compactMap { block -> String? in
            if case .entry(let marker, _) = block { return marker } else { return nil }
        }
        #expect(markers == ["2008-02-29", "2014-06-12"])
        #expect(versions.blocks.contains { if case .quote = $0 { return true } else { return false } })
        #expect(document.fields.contains { $0.label == "Legal character" && $0.value == [.text("legally binding")] })
    }

    @Test("footnote markers lead to their sources, qualified when two works are cited")
    func footnoteLinks() throws {
        let record = try Fixture.record()
        let single = try #require(record.detail(of: "osce-initial-cbms"))
        #expect(single.links.contains(.footnote(id: "chapter-fn-2", label: "[2]")))
        let theme = try #require(record.detail(of: "cbms-before-treaties"))
        #expect(theme.links.contains(.footnote(id: "remarks-fn-2", label: "[2]")))
    }

    @Test("a footnote's detail shows what cites it")
    func sourceBacklinks() throws {
        let record = try Fixture.record()
        let document = try #require(record.detail(of: "chapter-fn-1"))
        let citedBy = try #require(document.sections.first { $0.title == "Cited by" })
        #expect(citedBy.blocks.flatMap(\.spans).compactMap(\.target).contains("ppwt"))
    }

    @Test("an event lists the themes it supports")
    func themesOfEvent() throws {
        let record = try Fixture.record()
        let document = try #require(record.detail(of: "osce-initial-cbms"))
        let themes = try #require(document.sections.first { $0.title == "Themes" })
        #expect(themes.blocks.flatMap(\.spans).compactMap(\.target) == ["cbms-before-treaties"])
    }

    @Test("an inferred date is marked and explained")
    func inferredDate() throws {
        let record = try Fixture.record()
        let document = try #require(record.detail(of: "russian-resolutions"))
        #expect(document.fields.first { $0.label == "Date" }?.value == [.text("1998 (inferred)")])
        #expect(document.sections.contains { $0.title == "Date inferred" })
    }

    @Test("an unknown id has no detail")
    func unknown() throws {
        #expect(try Fixture.record().detail(of: "nothing") == nil)
    }
}

@Suite("Finding the record")
struct RecordLocatorTests {
    @Test("--record wins over TRAVAUX_RECORD, which wins over the shipped record")
    func precedence() throws {
        let explicit = RecordLocator(explicit: "/a", environment: ["TRAVAUX_RECORD": "/b"], executablePath: nil)
        #expect(try explicit.locate() == "/a")
        let environment = RecordLocator(explicit: nil, environment: ["TRAVAUX_RECORD": "/b"], executablePath: nil)
        #expect(try environment.locate() == "/b")
    }

    @Test("an installed binary finds share/travaux/record beside its bin directory")
    func installedLayout() throws {
        let prefix = try Fixture.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: prefix + "/share/travaux", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.recordDirectory, toPath: prefix + "/share/travaux/record")
        let locator = RecordLocator(explicit: nil, environment: [:], executablePath: prefix + "/bin/travaux")
        #expect(try locator.locate() == prefix + "/share/travaux/record")
    }

    @Test("a binary built in a checkout finds Data/record at the top")
    func checkoutLayout() throws {
        let top = try Fixture.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: top + "/Data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.recordDirectory, toPath: top + "/Data/record")
        let locator = RecordLocator(explicit: nil, environment: [:], executablePath: top + "/.build/x86_64-unknown-linux-gnu/debug/travaux")
        #expect(try locator.locate() == top + "/Data/record")
    }

    @Test("no record anywhere says where it looked and what to do")
    func notFound() {
        let locator = RecordLocator(explicit: nil, environment: ["XDG_DATA_DIRS": "/nonexistent", "HOME": "/nonexistent"],
                                    executablePath: "/nonexistent/bin/travaux")
        #expect(throws: RecordLocator.Failure.self) { try locator.locate() }
    }
}
