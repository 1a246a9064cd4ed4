/// How a handout orders its notes: by domain and item, each item's notes under its heading (a
/// digest to study from), or as they were taken, under each UTC day, each naming its item (the
/// minutes of a meeting: who said what, after whom).
public enum ExportOrder: String, Sendable, Hashable, CaseIterable {
    case item, time
}
