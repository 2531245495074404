package io.kubekt.test.registry

import io.kubekt.test.ResourceType
import java.util.concurrent.ConcurrentHashMap

/** The resources currently served, by `group/version/plural`; custom resources come and go with their CRDs. */
internal class ResourceRegistry(initial: List<ResourceType>) {
    private val types = ConcurrentHashMap<String, ResourceType>()

    init {
        initial.forEach { add(it) }
    }

    fun add(type: ResourceType) {
        types[key(type.group, type.version, type.plural)] = type
    }

    fun remove(group: String, version: String, plural: String) {
        types.remove(key(group, version, plural))
    }

    fun find(group: String, version: String, plural: String): ResourceType? = types[key(group, version, plural)]

    fun all(): List<ResourceType> = types.values.sortedWith(compareBy({ it.group }, { it.version }, { it.plural }))

    /** Served group/versions in the order discovery lists them: core first, then groups by name. */
    fun groupVersions(): List<Pair<String, String>> = all().map { it.group to it.version }.distinct()

    private fun key(group: String, version: String, plural: String) = "$group/$version/$plural"
}

/** The storage key of a resource: all versions of one group/resource share storage. */
internal val ResourceType.storageKey: String get() = "$group/$plural"
