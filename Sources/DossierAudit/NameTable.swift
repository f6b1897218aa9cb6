import DossierSupport
import DossierModel
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

    @inline(__always)
    private func matches(_ id: Int, _ span: ByteSpan) -> Bool {
        bytes.withUnsafeBufferPointer {
            span.equals(UnsafeBufferPointer(start: $0.baseAddress! + offsets[id], count: span.count))
        }
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

    /// A 64-bit hash: names of up to 16 bytes as two overlapping words, longer ones eight bytes at a time.
    @inline(__always)
    static func hash(_ span: ByteSpan) -> UInt64 {
        let p = UnsafeRawPointer(span.start)
        let n = span.count
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        if n >= 8 {
            var offset = 0
            while n - offset > 16 {
                h = (h ^ p.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 29
                offset += 8
            }
            h ^= p.loadUnaligned(fromByteOffset: offset, as: UInt64.self) &* 0xC4CE_B9FE_1A85_EC53
            h = (h ^ (h >> 31)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            h ^= UInt64(p.loadUnaligned(as: UInt32.self)) << 32 | UInt64(p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
        } else {
            for i in 0..<n { h = h << 8 | UInt64(p.load(fromByteOffset: i, as: UInt8.self)) }
        }
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
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
