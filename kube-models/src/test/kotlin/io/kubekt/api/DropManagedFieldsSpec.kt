package io.kubekt.api

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldNotBeEmpty
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.api.core.v1.Pod
import io.kubekt.api.core.v1.PodList
import kotlinx.serialization.SerializationException

/** `decode(bytes, dropManagedFields = true)` reads as if `metadata.managedFields` were absent, and nothing else changes. */
class DropManagedFieldsSpec : FunSpec({
    val bytes = Resources.bytes("fixtures/podlist-5-bench.json")

    test("every item of a real pod list loses its managedFields and keeps everything else") {
        val full = PodList.TYPE.decode(bytes)
        full.items.forEach { it.metadata!!.managedFields!!.shouldNotBeEmpty() }

        val dropped = PodList.TYPE.decode(bytes, dropManagedFields = true)

        dropped.items.size shouldBe full.items.size
        dropped.items.forEach { it.metadata!!.managedFields shouldBe null }
        dropped.items shouldBe full.items.map { pod -> pod.toBuilder().metadata(pod.metadata!!.toBuilder().managedFields(null).build()).build() }
        dropped.metadata shouldBe full.metadata
    }

    test("written back, an object read without managedFields has no trace of them and the rest in the server's order") {
        val text = """{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","managedFields":[{"manager":"m","fieldsV1":{"f:spec":{}}}],"uid":"u"},"spec":{"containers":[]}}"""
        val pod = Pod.TYPE.decode(text.toByteArray(), dropManagedFields = true)
        Pod.TYPE.encodeToString(pod) shouldBe """{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","uid":"u"},"spec":{"containers":[]}}"""
        Pod.TYPE.encodeToString(Pod.TYPE.decode(text)) shouldContain "managedFields"
    }

    test("managedFields: null and whitespace inside them are skipped too") {
        val pod = Pod.TYPE.decode(
            """{ "metadata" : { "managedFields" : null , "name" : "a" } }""".toByteArray(), dropManagedFields = true,
        )
        pod.metadata!!.name shouldBe "a"
        val spaced = Pod.TYPE.decode(
            """{"metadata":{"managedFields":[ { "manager" : "x\"}]" , "fieldsV1" : { "f:a" : { } } } ],"name":"b"}}""".toByteArray(),
            dropManagedFields = true,
        )
        spaced.metadata!!.name shouldBe "b"
        Pod.TYPE.encodeToString(spaced) shouldNotContain "manager"
    }

    test("a broken value inside skipped managedFields is still an error, not silently accepted") {
        shouldThrow<SerializationException> {
            Pod.TYPE.decode("""{"metadata":{"managedFields":[{"manager":"m}]}}""".toByteArray(), dropManagedFields = true)
        }.message shouldContain "unterminated"
    }

    test("other fields named like it are kept: only ObjectMeta's managedFields are skipped") {
        val pod = Pod.TYPE.decode("""{"metadata":{"name":"c"},"spec":{"managedFields":1}}""".toByteArray(), dropManagedFields = true)
        pod.spec!!.unknownFields["managedFields"].toString() shouldBe "1"
    }
})
