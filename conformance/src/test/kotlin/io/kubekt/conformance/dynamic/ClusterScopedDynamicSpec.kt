package io.kubekt.conformance.dynamic

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kubekt.api.GroupVersionResource
import io.kubekt.api.rbac.v1.ClusterRole
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.uniqueName
import io.kubekt.dynamic.Unstructured
import io.kubekt.error.ApiException
import io.kubekt.request.ListOptions
import io.kubekt.request.PatchType
import io.kubekt.watch.WatchEvent
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.withTimeout
import kotlinx.serialization.json.JsonPrimitive

class ClusterScopedDynamicSpec : ConformanceSpec({
    val roles = GroupVersionResource("rbac.authorization.k8s.io", "v1", "clusterroles")
    val run = uniqueName("run")
    val selector = "kubekt-dynamic-run=$run"

    afterSpec { runCatching { client.dynamic(roles).deleteCollection(ListOptions(labelSelector = selector)) } }

    fun role(name: String) = Unstructured.parse(
        """{"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole",
           "metadata":{"name":"kubekt-$name-$run","labels":{"kubekt-dynamic-run":"$run"}},
           "rules":[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get"]}]}""",
    )

    test("every verb works on a cluster-scoped resource without a namespace") {
        val crs = client.dynamic(roles)
        val created = crs.create(role("a"))
        created.namespace.shouldBeNull()
        crs.get(created.name!!).uid shouldBe created.uid
        crs.getOrNull("kubekt-missing-$run").shouldBeNull()

        val updated = crs.update(created.edit { label("step", "updated") })
        updated.labels["step"] shouldBe "updated"
        crs.patch(created.name!!, PatchType.MERGE, """{"metadata":{"labels":{"step":"merged"}}}""").labels["step"] shouldBe "merged"
        crs.patch(created.name!!, PatchType.JSON, """[{"op":"replace","path":"/rules/0/verbs","value":["list"]}]""")
            .to<ClusterRole>().rules!!.single().verbs shouldBe listOf("list")

        crs.create(role("b"))
        crs.list(ListOptions(labelSelector = selector)).items.map { it.name } shouldContainExactly listOf("kubekt-a-$run", "kubekt-b-$run")
        crs.delete("kubekt-a-$run").isGone shouldBe true
        crs.deleteCollection(ListOptions(labelSelector = selector))
        crs.list(ListOptions(labelSelector = selector)).items shouldBe emptyList()
    }

    test("a watch on a cluster-scoped resource sees changes") {
        val crs = client.dynamic(roles)
        val from = crs.list(ListOptions(labelSelector = selector)).resourceVersion.shouldNotBeNull()
        coroutineScope {
            val events = async { withTimeout(30_000) { crs.watch(ListOptions(labelSelector = selector, resourceVersion = from)).take(2).toList() } }
            crs.create(role("watched"))
            crs.delete("kubekt-watched-$run")
            events.await().map { it::class } shouldBe listOf(WatchEvent.Added::class, WatchEvent.Deleted::class)
        }
    }

    test("a cluster-scoped resource addressed in a namespace is not found") {
        val error = shouldThrow<ApiException> { client.dynamic(roles).namespace(namespace).get("kubekt-none-$run") }
        error.isNotFound shouldBe true
    }

    test("converting the object back and forth keeps its fields") {
        val created = client.dynamic(roles).create(role("convert"))
        val typed = created.to<ClusterRole>()
        Unstructured.from(typed) shouldBe created
        typed.metadata?.name shouldBe "kubekt-convert-$run"
        created.at("rules") shouldBe Unstructured.from(typed).at("rules")
        created.get("kind") shouldBe JsonPrimitive("ClusterRole")
    }
})
