package io.kubekt.informer.store

import io.kubekt.informer.ObjectKey

/** The index maps of a [Store]: index name -> value -> keys. Not thread-safe (the store locks). */
internal class StoreIndices<T>(private val indexers: Map<String, Indexer<T>>) {
    private val maps = indexers.keys.associateWith { HashMap<String, MutableSet<ObjectKey>>() }

    fun add(key: ObjectKey, obj: T) {
        for ((name, indexer) in indexers) {
            val map = maps.getValue(name)
            for (value in indexer.index(obj)) map.getOrPut(value) { HashSet(2) } += key
        }
    }

    fun remove(key: ObjectKey, obj: T) {
        for ((name, indexer) in indexers) {
            val map = maps.getValue(name)
            for (value in indexer.index(obj)) {
                val keys = map[value] ?: continue
                keys -= key
                if (keys.isEmpty()) map.remove(value)
            }
        }
    }

    fun keys(indexName: String, value: String): Set<ObjectKey> = maps[indexName]?.get(value).orEmpty().toSet()

    fun values(indexName: String): Set<String> = maps[indexName]?.keys.orEmpty().toSet()
}
