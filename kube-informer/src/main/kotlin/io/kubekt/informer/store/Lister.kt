package io.kubekt.informer.store

import io.kubekt.api.KubeObject
import io.kubekt.informer.ObjectKey
import io.kubekt.request.LabelSelector
import java.util.function.Predicate

/**
 * Reads a [Store] (client-go's Lister): all objects, by namespace, by labels, by index. Reads
 * are as fresh as the store; the objects are the cached ones (immutable, shared).
 */
public class Lister<T : KubeObject> internal constructor(private val store: Store<T>) {
    /** Every object. */
    public fun list(): List<T> = store.list()

    /** The objects whose labels match [labels] (an object without labels is matched against an empty map). */
    public fun list(labels: Predicate<Map<String, String>>): List<T> = store.list().filter { labels.test(it.labelsOrEmpty()) }

    /** The objects whose labels match [selector]. */
    public fun list(selector: LabelSelector): List<T> = store.list().filter { selector.matches(it.labelsOrEmpty()) }

    /** The object under [key], or null. */
    public fun getOrNull(key: ObjectKey): T? = store.getOrNull(key)

    /** The objects [indexName] files under [value]. @throws IllegalArgumentException for an unknown index. */
    public fun byIndex(indexName: String, value: String): List<T> = store.byIndex(indexName, value)

    /** The objects of [namespace]. */
    public fun namespace(namespace: String): NamespaceLister<T> = NamespaceLister(store, namespace)
}

internal fun KubeObject.labelsOrEmpty(): Map<String, String> = metadata?.labels.orEmpty()
