package io.kubekt.informer.store

import io.kubekt.api.KubeObject
import io.kubekt.informer.ObjectKey
import io.kubekt.request.LabelSelector
import java.util.function.Predicate

/** Reads one namespace of a [Store], through its namespace index. */
public class NamespaceLister<T : KubeObject> internal constructor(private val store: Store<T>, private val namespace: String) {
    init {
        require(namespace.isNotEmpty()) { "a namespace lister needs a namespace" }
    }

    /** Every object of the namespace. */
    public fun list(): List<T> = store.byIndex(Store.NAMESPACE_INDEX, namespace)

    /** The objects of the namespace whose labels match [labels]. */
    public fun list(labels: Predicate<Map<String, String>>): List<T> = list().filter { labels.test(it.labelsOrEmpty()) }

    /** The objects of the namespace whose labels match [selector]. */
    public fun list(selector: LabelSelector): List<T> = list().filter { selector.matches(it.labelsOrEmpty()) }

    /** The object named [name] in the namespace, or null. */
    public fun getOrNull(name: String): T? = store.getOrNull(ObjectKey(namespace, name))
}
