package io.kubekt.conformance.rest

import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.Namespace
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.Namespaces
import io.kubekt.conformance.support.apiError
import io.kubekt.conformance.support.configMapJson
import io.kubekt.conformance.support.eventually
import io.kubekt.conformance.support.uniqueName
import io.kubekt.error.ApiException
import io.kubekt.request.PatchType

/** Namespace lifecycle: defaults in a new namespace, Terminating, and creation refused there (transcripts 05, 06, 53-55). */
class NamespaceSpec : ConformanceSpec({
    suspend fun namespaceOrNull(name: String): Namespace? = try {
        rest.get().resource("namespaces").name(name).execute<Namespace>()
    } catch (e: ApiException) {
        if (e.isNotFound) null else throw e
    }

    test("a new namespace is Active and gets the default ServiceAccount and the kube-root-ca.crt ConfigMap") {
        val ns = rest.get().resource("namespaces").name(namespace).execute<Namespace>()
        ns.status!!.phase shouldBe "Active"
        ns.spec!!.finalizers shouldBe listOf("kubernetes")
        eventually<Any>("the default ServiceAccount to appear") {
            runCatching { rest.get().namespace(namespace).resource("serviceaccounts").name("default").executeJson() }.getOrNull()
        }
        val ca = eventually("the kube-root-ca.crt ConfigMap to appear") {
            runCatching { rest.get().namespace(namespace).resource("configmaps").name("kube-root-ca.crt").execute<ConfigMap>() }.getOrNull()
        }
        ca.data!!["ca.crt"]!!.trim().startsWith("-----BEGIN CERTIFICATE-----") shouldBe true
    }

    test("a namespaced resource cannot be created at cluster scope, and a namespace name must be a DNS label") {
        val e = apiError { rest.post().resource("namespaces").body("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"Not.A.Label"}}""").executeJson() }
        e.code shouldBe 422
        e.reason shouldBe "Invalid"
        e.status.details!!.causes!!.first().field shouldBe "metadata.name"
    }

    test("a deleted namespace stays Terminating while content remains, refuses new content with 403, then disappears (transcripts 53-55)") {
        val doomed = uniqueName("c-doomed")
        Namespaces.create(client, doomed)
        rest.post().namespace(doomed).resource("configmaps").body(configMapJson("held", finalizers = listOf("example.com/hold"))).executeJson()
        val deleting = rest.delete().resource("namespaces").name(doomed).execute<Namespace>()
        deleting.metadata!!.deletionTimestamp shouldNotBe null
        deleting.status!!.phase shouldBe "Terminating"
        rest.get().resource("namespaces").name(doomed).execute<Namespace>().status!!.phase shouldBe "Terminating"

        val e = apiError { rest.post().namespace(doomed).resource("configmaps").body(configMapJson("late")).executeJson() }
        e.code shouldBe 403
        e.reason shouldBe "Forbidden"
        e.status.message shouldBe "configmaps \"late\" is forbidden: unable to create new content in namespace $doomed because it is being terminated"
        e.status.details!!.name shouldBe "late"
        e.status.details!!.kind shouldBe "configmaps"
        val cause = e.status.details!!.causes!!.single()
        cause.reason shouldBe "NamespaceTerminating"
        cause.message shouldBe "namespace $doomed is being terminated"
        cause.field shouldBe "metadata.namespace"

        eventually<Any>("the held ConfigMap to be marked for deletion by the namespace controller") {
            runCatching { rest.get().namespace(doomed).resource("configmaps").name("held").execute<ConfigMap>() }.getOrNull()
                ?.metadata?.deletionTimestamp
        }
        namespaceOrNull(doomed) shouldNotBe null
        rest.patch(PatchType.MERGE).namespace(doomed).resource("configmaps").name("held").body("""{"metadata":{"finalizers":null}}""").executeJson()
        eventually<Any>("the namespace to disappear", seconds = 60) { if (namespaceOrNull(doomed) == null) true else null }
    }
})
