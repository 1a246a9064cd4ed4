import TravauxCore

/// Forums in hierarchy order (each parent followed by the bodies within it) with their depth.
enum ForumTree {
    static func ordered(_ record: Record) -> [(forum: Forum, depth: Int)] {
        var result: [(Forum, Int)] = []
        var placed = Set<String>()
        func visit(_ forum: Forum, depth: Int) {
            guard placed.insert(forum.id).inserted else { return }
            result.append((forum, depth))
            for child in record.forums where child.parent == forum.id { visit(child, depth: depth + 1) }
        }
        for forum in record.forums where forum.parent == nil || record.item(forum.parent ?? "") == nil {
            visit(forum, depth: 0)
        }
        for forum in record.forums { visit(forum, depth: 0) }   // cycles, reported by validate
        return result
    }
}
