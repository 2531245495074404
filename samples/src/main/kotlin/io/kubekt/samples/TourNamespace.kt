package io.kubekt.samples

import io.kubekt.api.core.v1.Namespace
import io.kubekt.client.KubeClient
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext

/**
 * Runs [block] with a namespace of its own (`kubekt-tour-<random>`), deleted afterwards whatever
 * happens: where the tour makes its changes on a real cluster (`--allow-writes`).
 */
suspend fun <R> withTourNamespace(client: KubeClient, block: suspend (namespace: String) -> R): R {
    val created = client.coreV1().namespaces().create(Namespace { metadata { generateName = "kubekt-tour-" } })
    val name = checkNotNull(created.metadata?.name) { "the server named no namespace for generateName kubekt-tour-" }
    println("Tour: created namespace $name for its changes")
    try {
        return block(name)
    } finally {
        withContext(NonCancellable) { client.coreV1().namespaces().delete(name) }
        println("Tour: deleted namespace $name")
    }
}
