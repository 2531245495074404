package io.kubekt.conformance.support

import io.kubekt.client.KubeClient
import io.kubekt.error.ApiException
import org.slf4j.LoggerFactory

/** Creates and deletes the namespaces specs run in. */
object Namespaces {
    private val log = LoggerFactory.getLogger(Namespaces::class.java)

    /** Creates namespace [name] labelled as a conformance namespace. */
    suspend fun create(client: KubeClient, name: String) {
        client.rest().post().resource("namespaces")
            .body("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"$name","labels":{"kubekt.io/conformance":"true"}}}""")
            .executeJson()
    }

    /**
     * Deletes namespace [name] in the background and returns at once: the server finishes
     * terminating it (a real cluster may take seconds; the suite does not wait). A failure is
     * logged, not thrown, so cleanup never hides a test's own result.
     */
    suspend fun deleteWithoutWaiting(client: KubeClient, name: String) {
        try {
            client.rest().delete().resource("namespaces").name(name).param("propagationPolicy", "Background").executeJson()
        } catch (e: ApiException) {
            if (!e.isNotFound) log.warn("could not delete conformance namespace {}: {}", name, e.message)
        }
    }
}
