extension Array {
    /// Whether both arrays are one storage, and so one content: a cache that holds an array
    /// recognises it again without comparing its elements (the storage cannot be freed and
    /// reused by another array while the cache holds it).
    func sharesStorage(with other: [Element]) -> Bool {
        count == other.count && withUnsafeBufferPointer { mine in
            other.withUnsafeBufferPointer { theirs in mine.baseAddress == theirs.baseAddress }
        }
    }
}
