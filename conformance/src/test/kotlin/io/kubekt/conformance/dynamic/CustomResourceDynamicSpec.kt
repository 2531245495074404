package io.kubekt.conformance.dynamic

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kubekt.api.GroupVersionResource
import io.kubekt.conformance.support.ConformanceSpec
import io.kubekt.conformance.support.CustomResourceDefinitions
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

class CustomResourceDynamicSpec : ConformanceSpec({
    val suffix = CustomResourceDefinitions.randomLetters()
    val group = "dynamic.conformance.kubekt.io"
    val plural = "widgets$suffix"
    val widgets = GroupVersionResource(group, "v1", plural)

    beforeSpec { CustomResourceDefinitions.create(client, group, "Widget${suffix.replaceFirstChar { it.uppercase() }}", plural) }
    afterSpec { CustomResourceDefinitions.deleteQuietly(client, "$plural.$group") }

    fun widget(name: String, size: Int) = Unstructured {
        apiVersion("$group/v1"); kind("Widget${suffix.replaceFirstChar { it.uppercase() }}"); name(name); label("app", "widgets")
        set(listOf("spec", "size"), JsonPrimitive(size))
    }

    test("create, get, list, update and delete a custom resource") {
        val ws = client.dynamic(widgets).namespace(namespace)
        val created = ws.create(widget("w1", 1))
        created.at("spec", "size") shouldBe JsonPrimitive(1)
        created.generation shouldBe 1L
        ws.get("w1").uid shouldBe created.uid
        ws.getOrNull("w-missing").shouldBeNull()

        val updated = ws.update(created.edit { set(listOf("spec", "size"), JsonPrimitive(2)) })
        updated.at("spec", "size") shouldBe JsonPrimitive(2)
        updated.generation shouldBe 2L
        ws.create(widget("w2", 5))
        ws.list().items.map { it.name } shouldContainExactly listOf("w1", "w2")
        ws.list().items.first().kind shouldBe created.kind
        ws.delete("w2")
        ws.getOrNull("w2").shouldBeNull()
    }

    test("updateStatus changes only the status of a custom resource") {
        val ws = client.dynamic(widgets).namespace(namespace)
        val created = ws.create(widget("w-status", 3))
        val changed = created.edit {
            set(listOf("status", "ready"), JsonPrimitive(true))
            set(listOf("spec", "size"), JsonPrimitive(99))
        }
        val updated = ws.updateStatus(changed)
        updated.at("status", "ready") shouldBe JsonPrimitive(true)
        updated.at("spec", "size") shouldBe JsonPrimitive(3)
        ws.update(updated.edit { set(listOf("status", "ready"), JsonPrimitive(false)) }).at("status", "ready") shouldBe JsonPrimitive(true)
    }

    test("merge and JSON patches apply to a custom resource; a strategic merge patch is refused with 415") {
        val ws = client.dynamic(widgets).namespace(namespace)
        ws.create(widget("w-patch", 1))
        ws.patch("w-patch", PatchType.MERGE, """{"spec":{"color":"red"}}""").at("spec", "color") shouldBe JsonPrimitive("red")
        ws.patch("w-patch", PatchType.JSON, """[{"op":"replace","path":"/spec/size","value":7}]""").at("spec", "size") shouldBe JsonPrimitive(7)
        val error = shouldThrow<ApiException> { ws.patch("w-patch", PatchType.STRATEGIC_MERGE, """{"spec":{"size":8}}""") }
        error.isUnsupportedMediaType shouldBe true
    }

    test("deleteCollection and watch work on a custom resource") {
        val ws = client.dynamic(widgets).namespace(namespace)
        val from = ws.list(ListOptions(labelSelector = "batch=yes")).resourceVersion.shouldNotBeNull()
        coroutineScope {
            val events = async { withTimeout(30_000) { ws.watch(ListOptions(labelSelector = "batch=yes", resourceVersion = from)).take(4).toList() } }
            ws.create(widget("b1", 1).edit { label("batch", "yes") })
            ws.create(widget("b2", 1).edit { label("batch", "yes") })
            ws.deleteCollection(ListOptions(labelSelector = "batch=yes"))
            val got = events.await()
            got.count { it is WatchEvent.Added } shouldBe 2
            got.count { it is WatchEvent.Deleted } shouldBe 2
            got.map { (it as? WatchEvent.Added)?.obj?.name ?: (it as WatchEvent.Deleted).obj.name }.toSet() shouldBe setOf("b1", "b2")
        }
        ws.list(ListOptions(labelSelector = "batch=yes")).items shouldBe emptyList()
        ws.list().resourceVersion shouldNotBe from
    }
})
