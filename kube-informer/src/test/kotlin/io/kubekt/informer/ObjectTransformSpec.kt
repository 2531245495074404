package io.kubekt.informer

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeSameInstanceAs
import io.kubekt.api.meta.v1.ManagedFieldsEntry
import io.kubekt.api.meta.v1.ObjectMeta
import io.kubekt.api.meta.v1.PartialObjectMetadata

/** The default transform on the hand-written PartialObjectMetadata, which metadata-only informers cache. */
class ObjectTransformSpec : FunSpec({
    val entry = ManagedFieldsEntry.builder().manager("kubectl").operation("Update").build()
    val meta = ObjectMeta.builder().name("a").namespace("default").resourceVersion("7").labels(mapOf("app" to "web")).managedFields(listOf(entry)).build()
    val partial = PartialObjectMetadata.builder().metadata(meta).build()

    test("dropManagedFields removes managedFields from PartialObjectMetadata and keeps the rest of its metadata") {
        val dropped = ObjectTransform.dropManagedFields<PartialObjectMetadata>().transform(partial)
        dropped.metadata?.managedFields shouldBe null
        dropped.metadata?.name shouldBe "a"
        dropped.metadata?.namespace shouldBe "default"
        dropped.metadata?.resourceVersion shouldBe "7"
        dropped.metadata?.labels shouldBe mapOf("app" to "web")
        partial.metadata?.managedFields shouldBe listOf(entry) // the original is untouched
    }

    test("an object without managedFields is returned as is") {
        val bare = PartialObjectMetadata.builder().metadata(ObjectMeta.builder().name("b").build()).build()
        ObjectTransform.dropManagedFields<PartialObjectMetadata>().transform(bare) shouldBeSameInstanceAs bare
    }
})
