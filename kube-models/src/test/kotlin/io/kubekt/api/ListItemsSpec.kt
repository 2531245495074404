package io.kubekt.api

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import io.kubekt.api.coordination.v1.LeaseList
import io.kubekt.api.core.v1.ConfigMapList
import io.kubekt.api.core.v1.PodList
import io.kubekt.api.meta.v1.ObjectMeta
import io.kubekt.api.meta.v1.PartialObjectMetadata
import io.kubekt.api.meta.v1.PartialObjectMetadataList

/** A list's `items` is never null: absent or `null` reads as empty, builders start empty, output always has it. */
class ListItemsSpec : FunSpec({
    test("a list without items decodes to an empty list and is written back with items: []") {
        val list = PodList.TYPE.decode("""{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"5"}}""")
        list.items.shouldBeEmpty()
        PodList.TYPE.encodeToString(list) shouldBe """{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"5"},"items":[]}"""
    }

    test("items: null decodes to an empty list and is written back as [] in its place") {
        val list = ConfigMapList.TYPE.decode("""{"kind":"ConfigMapList","items":null,"apiVersion":"v1"}""")
        list.items.shouldBeEmpty()
        ConfigMapList.TYPE.encodeToString(list) shouldBe """{"kind":"ConfigMapList","items":[],"apiVersion":"v1"}"""
    }

    test("an empty list as the API server writes it (fixture coordination.k8s.io-v1-leases) is read and written back unchanged") {
        val text = Resources.text("fixtures/coordination.k8s.io-v1-leases.json").removeSuffix("\n")
        val list = LeaseList.TYPE.decode(text)
        list.items.shouldBeEmpty()
        LeaseList.TYPE.encodeToString(list) shouldBe text
    }

    test("a built list starts with empty items, writes items: [], and equals the decoded one") {
        val built = PodList.builder().build()
        built.items.shouldBeEmpty()
        PodList.builder().items.shouldBeEmpty()
        built.toJson() shouldBe """{"apiVersion":"v1","kind":"PodList","items":[]}"""
        built shouldBe PodList.TYPE.decode("""{"apiVersion":"v1","kind":"PodList"}""")
        built.hashCode() shouldBe PodList.TYPE.decode("""{"kind":"PodList","apiVersion":"v1","items":[]}""").hashCode()
    }

    test("the schema marks list items required and nothing else") {
        PodList.TYPE.field("items")!!.isRequired shouldBe true
        PodList.TYPE.field("metadata")!!.isRequired shouldBe false
        BuiltinModels.modelType(GroupVersionKind("", "v1", "Pod"))!!.fields.none { it.isRequired } shouldBe true
    }

    test("PartialObjectMetadata and its list decode and encode byte for byte and build with apiVersion and kind") {
        val one = """{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{"name":"web","namespace":"a","resourceVersion":"7","labels":{"app":"web"}}}"""
        val meta = PartialObjectMetadata.TYPE.decode(one)
        meta.metadata!!.labels shouldBe mapOf("app" to "web")
        PartialObjectMetadata.TYPE.encodeToString(meta) shouldBe one
        val list = """{"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"9"},"items":[$one]}"""
        val decoded = PartialObjectMetadataList.TYPE.decode(list)
        decoded.items.single() shouldBe meta
        PartialObjectMetadataList.TYPE.encodeToString(decoded) shouldBe list
        val built = PartialObjectMetadata { metadata = ObjectMeta { name = "web" } }
        built.toJson() shouldBe """{"apiVersion":"meta.k8s.io/v1","kind":"PartialObjectMetadata","metadata":{"name":"web"}}"""
        BuiltinModels.modelType(GroupVersionKind("meta.k8s.io", "v1", "PartialObjectMetadataList")) shouldBe PartialObjectMetadataList.TYPE
        PartialObjectMetadataList.builder().item { metadata { name = "x" } }.build().items.single().metadata!!.name shouldBe "x"
    }
})
