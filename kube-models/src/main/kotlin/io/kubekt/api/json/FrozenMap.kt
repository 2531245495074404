package io.kubekt.api.json

/**
 * An immutable, insertion-ordered map over one array of alternating keys and values.
 *
 * Label, annotation and resource maps are small: a linear scan beats hashing for them and the
 * whole map costs two allocations instead of a `LinkedHashMap`'s one per entry. Larger maps get a
 * lazily built hash index.
 */
internal class FrozenMap<V> private constructor(private val kv: Array<Any?>) : AbstractMap<String, V>() {
    @Volatile private var index: HashMap<String, Int>? = null

    override val size: Int get() = kv.size / 2

    override fun containsKey(key: String): Boolean = find(key) >= 0

    @Suppress("UNCHECKED_CAST")
    override fun get(key: String): V? = find(key).let { if (it < 0) null else kv[it + 1] as V }

    private fun find(key: Any?): Int {
        if (kv.size <= 32) {
            for (i in kv.indices step 2) if (kv[i] == key) return i
            return -1
        }
        val idx = index ?: HashMap<String, Int>(kv.size).also { m ->
            for (i in kv.size - 2 downTo 0 step 2) m[kv[i] as String] = i
            index = m
        }
        return idx[key] ?: -1
    }

    override val entries: Set<Map.Entry<String, V>> = object : AbstractSet<Map.Entry<String, V>>() {
        override val size: Int get() = kv.size / 2

        override fun iterator(): Iterator<Map.Entry<String, V>> = object : Iterator<Map.Entry<String, V>> {
            private var i = 0

            override fun hasNext(): Boolean = i < kv.size

            @Suppress("UNCHECKED_CAST")
            override fun next(): Map.Entry<String, V> {
                if (i >= kv.size) throw NoSuchElementException()
                val e = java.util.AbstractMap.SimpleImmutableEntry(kv[i] as String, kv[i + 1] as V)
                i += 2
                return e
            }
        }
    }

    companion object {
        private val EMPTY = FrozenMap<Any?>(emptyArray())

        @Suppress("UNCHECKED_CAST")
        fun <V> empty(): Map<String, V> = EMPTY as Map<String, V>

        /** Wraps alternating keys and values; a repeated key keeps its first position and last value. */
        fun <V> wrap(kv: Array<Any?>): Map<String, V> {
            if (kv.isEmpty()) return empty()
            if (kv.size > 2 && hasDuplicate(kv)) return copyOf(LinkedHashMap<String, V>().also { m ->
                @Suppress("UNCHECKED_CAST")
                for (i in kv.indices step 2) m[kv[i] as String] = kv[i + 1] as V
            })
            return FrozenMap(kv)
        }

        private fun hasDuplicate(kv: Array<Any?>): Boolean {
            if (kv.size <= 64) {
                for (i in 2 until kv.size step 2) for (j in 0 until i step 2) if (kv[i] == kv[j]) return true
                return false
            }
            val seen = HashSet<Any?>(kv.size)
            for (i in kv.indices step 2) if (!seen.add(kv[i])) return true
            return false
        }

        fun <V> copyOf(map: Map<String, V>): Map<String, V> {
            if (map.isEmpty()) return empty()
            val kv = arrayOfNulls<Any?>(map.size * 2)
            var i = 0
            for ((k, v) in map) {
                kv[i++] = k
                kv[i++] = v
            }
            return FrozenMap(kv)
        }
    }
}
