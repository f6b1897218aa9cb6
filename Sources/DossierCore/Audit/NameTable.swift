import Foundation

/// Interns names (agents, actions, tools, policies) read from log lines: the
/// same bytes always get the same dense id, looked up by hash without making a
/// `String`. Open addressing with linear probing.
struct NameTable: ~Copyable {
    private var bytes: [UInt8] = []
    private var offsets: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    /// Slot → id + 1 (0 is empty).
    private var slots: [Int32]
    private var mask: Int

    init() {
        slots = Array(repeating: 0, count: 64)
        mask = 63
    }

    var count: Int { offsets.count }

    func name(_ id: Int) -> String {
        bytes.withUnsafeBufferPointer { all in
            String(decoding: UnsafeBufferPointer(rebasing: all[offsets[id]..<offsets[id] + lengths[id]]), as: UTF8.self)
        }
    }

    /// The id of `span`, added if new.
    @inline(__always)
    mutating func id(_ span: ByteSpan) -> Int {
        let hash = Self.hash(span)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return insert(span, hash: hash, slot: slot) }
            let id = entry - 1
            if hashes[id] == hash && lengths[id] == span.count && matches(id, span) { return id }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ id: Int, _ span: ByteSpan) -> Bool {
        bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + offsets[id], span.start, span.count) == 0 }
    }

    private mutating func insert(_ span: ByteSpan, hash: UInt64, slot: Int) -> Int {
        let id = offsets.count
        offsets.append(bytes.count)
        lengths.append(span.count)
        hashes.append(hash)
        bytes.append(contentsOf: span.buffer)
        slots[slot] = Int32(id + 1)
        if offsets.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<offsets.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }

    /// 64-bit FNV-1a over eight bytes at a time, then a final mix.
    @inline(__always)
    static func hash(_ span: ByteSpan) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var p = UnsafeRawPointer(span.start)
        var remaining = span.count
        while remaining >= 8 {
            h = (h ^ p.loadUnaligned(as: UInt64.self)) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
            p += 8
            remaining -= 8
        }
        var tail: UInt64 = UInt64(remaining)
        for i in 0..<remaining { tail = tail << 8 | UInt64(p.load(fromByteOffset: i, as: UInt8.self)) }
        h = (h ^ tail) &* 0x0000_0100_0000_01B3
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}

/// Dense slots for pairs of ids (agent × action, agent × tool, agent × policy).
struct PairTable: ~Copyable {
    /// Slot → pair index + 1 (0 is empty).
    private var slots: [Int32]
    private var mask: Int
    private(set) var keys: [UInt64] = []

    init() {
        slots = Array(repeating: 0, count: 256)
        mask = 255
    }

    var count: Int { keys.count }

    func pair(_ index: Int) -> (first: Int, second: Int) {
        (Int(keys[index] >> 32), Int(keys[index] & 0xFFFF_FFFF))
    }

    /// The index of (`first`, `second`), added if new; `isNew` tells.
    @inline(__always)
    mutating func index(_ first: Int, _ second: Int) -> (index: Int, isNew: Bool) {
        let key = UInt64(first) << 32 | UInt64(second)
        var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 {
                let index = keys.count
                keys.append(key)
                slots[slot] = Int32(index + 1)
                if keys.count * 2 > slots.count { grow() }
                return (index, true)
            }
            if keys[entry - 1] == key { return (entry - 1, false) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.mix(key)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    @inline(__always)
    private static func mix(_ key: UInt64) -> UInt64 {
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 31
        return h
    }
}
