package io.kubekt.conformance.typed

import io.kotest.matchers.collections.shouldContain
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.uniqueName
import io.kubekt.api.core.v1.Namespace
import io.kubekt.api.rbac.v1.ClusterRole
import io.kubekt.client.DeleteResult
import io.kubekt.request.PatchType
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout

/** Every verb of a typed client on cluster-scoped kinds: ClusterRole, and Namespace's finalizing delete. */
class ClusterScopedTypedSpec : ConformanceSpec({
    test("a ClusterRole goes through create, get, list, update, patch, watch and delete") {
        val roles = client.rbacV1().clusterRoles()
        val name = uniqueName("typed-role")
        val start = roles.list { limit = 1 }.metadata?.resourceVersion
        coroutineScope {
            val events = async {
                withTimeout(20_000) { roles.watch { resourceVersion = start; fieldSelector = "metadata.name=$name" }.take(4).toList() }
            }
            val created = roles.create(ClusterRole { metadata { this.name = name } })
            roles.get(name).metadata?.uid shouldBe created.metadata?.uid
            roles.list { fieldSelector = "metadata.name=$name" }.items.single().metadata?.name shouldBe name
            roles.update(created.edit { metadata { labels = mapOf("v" to "2") } }).metadata?.labels shouldBe mapOf("v" to "2")
            roles.patch(name, PatchType.MERGE, """{"metadata":{"labels":{"v":"3"}}}""").metadata?.labels shouldBe mapOf("v" to "3")
            roles.delete(name).isGone shouldBe true
            roles.getOrNull(name).shouldBeNull()
            events.await().map { it.type.name } shouldBe listOf("ADDED", "MODIFIED", "MODIFIED", "DELETED")
        }
    }

    test("deleting a namespace answers it still finalizing, Terminating") {
        val namespaces = client.coreV1().namespaces()
        val name = uniqueName("typed-namespace")
        namespaces.create(Namespace { metadata { this.name = name } })
        namespaces.list().items.map { it.metadata?.name } shouldContain name
        val result = namespaces.delete(name)
        val finalizing = result.shouldBeInstanceOf<DeleteResult.Finalizing<Namespace>>()
        finalizing.obj.status?.phase shouldBe "Terminating"
    }
})
