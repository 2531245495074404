package io.kubekt.api

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.nulls.shouldBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import io.kubekt.api.core.v1.ConfigMap
import io.kubekt.api.core.v1.Pod
import io.kubekt.api.core.v1.PodList
import io.kubekt.api.core.v1.Secret
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

class ModelJsonSpec : FunSpec({
    test("unknown fields at the top and nested are kept, readable, and written back in place") {
        val text = """{"kind":"Pod","apiVersion":"v1","futureTop":{"a":[1,2.50,"x"]},"metadata":{"name":"p","newMeta":true,"namespace":"ns"},""" +
            """"spec":{"containers":[{"name":"c","sidecarMode":"Always","image":"i"}]}}"""
        val pod = Pod.TYPE.decode(text)
        pod.unknownFields.keys shouldBe setOf("futureTop")
        pod.metadata!!.unknownFields["newMeta"] shouldBe JsonPrimitive(true)
        pod.spec!!.containers!![0].unknownFields["sidecarMode"] shouldBe JsonPrimitive("Always")
        pod.metadata!!.namespace shouldBe "ns"
        pod.toJson() shouldBe text
    }

    test("unknown fields survive an edit and take part in equality") {
        val pod = Pod.TYPE.decode("""{"metadata":{"name":"p","x-extra":1}}""")
        val edited = pod.edit { metadata { namespace = "ns" } }
        edited.toJson() shouldBe """{"metadata":{"name":"p","x-extra":1,"namespace":"ns"}}"""
        Pod.TYPE.decode("""{"metadata":{"name":"p","x-extra":2}}""") shouldNotBe pod
        Pod.TYPE.decode("""{"metadata":{"x-extra":1,"name":"p"}}""") shouldBe pod
        Pod.TYPE.decode("""{"metadata":{"x-extra":1,"name":"p"}}""").hashCode() shouldBe pod.hashCode()
    }

    test("an absent list stays null and an empty list stays empty") {
        val absent = Pod.TYPE.decode("""{"spec":{}}""")
        val empty = Pod.TYPE.decode("""{"spec":{"containers":[]}}""")
        absent.spec!!.containers.shouldBeNull()
        empty.spec!!.containers!!.shouldBeEmpty()
        absent shouldNotBe empty
        empty.toJson() shouldBe """{"spec":{"containers":[]}}"""
        Pod { spec { containers = emptyList() } }.toJson() shouldBe """{"apiVersion":"v1","kind":"Pod","spec":{"containers":[]}}"""
    }

    test("objects built in code never write null, even for fields cleared after being set") {
        val pod = Pod {
            metadata { name = "web"; namespace = "ns" }
            spec { nodeName = "n1" }
        }.edit { metadata { namespace = null }; spec { nodeName = null } }
        pod.toJson() shouldBe """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{}}"""
    }

    test("explicit nulls from the server are written back but do not affect equality") {
        val text = """{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}}}"""
        val decoded = io.kubekt.api.core.v1.PodTemplateSpec.TYPE.decode(text)
        decoded.metadata!!.creationTimestamp.shouldBeNull()
        decoded.toJson() shouldBe text
        decoded shouldBe io.kubekt.api.core.v1.PodTemplateSpec.TYPE.decode("""{"metadata":{"labels":{"app":"web"}}}""")
    }

    test("strings are escaped as the API server escapes them") {
        val cm = ConfigMap { data("k" to "<a & b>\n\"q\"\t\u0001\u2028é😀") }
        cm.toJson() shouldBe """{"apiVersion":"v1","kind":"ConfigMap","data":{"k":"\u003ca \u0026 b\u003e\n\"q\"\t\u0001\u2028é😀"}}"""
        ConfigMap.TYPE.decode(cm.toJson()) shouldBe cm
    }

    test("escaped keys and values decode to the same strings as plain ones") {
        val pod = Pod.TYPE.decode("""{"meta\u0064ata":{"na\u006De":"w\u00e9b\ud83d\ude00"}}""")
        pod.metadata!!.name shouldBe "wéb😀"
    }

    test("pretty-printed input decodes and is written compactly") {
        val text = "{\n  \"metadata\" : {\n    \"name\" : \"p\",\n    \"managedFields\" : [ { \"fieldsV1\" : { \"f:metadata\" : { } } } ]\n  }\n}\n"
        val pod = Pod.TYPE.decode(text)
        pod.toJson() shouldBe """{"metadata":{"name":"p","managedFields":[{"fieldsV1":{"f:metadata":{}}}]}}"""
    }

    test("a decoding error names the type, the JSON path and the offset") {
        val e = shouldThrow<SerializationException> {
            PodList.TYPE.decode("""{"items":[{"spec":{"containers":[{"name":"a"},{"ports":[{"containerPort":"80"}]}]}}]}""")
        }
        e.message shouldContain "io.k8s.api.core.v1.PodList"
        e.message shouldContain "$.items[0].spec.containers[1].ports[0].containerPort"
        e.message shouldContain "byte offset"
    }

    test("truncated input, trailing garbage and numbers out of range are rejected clearly") {
        shouldThrow<SerializationException> { Pod.TYPE.decode("""{"metadata":{"name":"p"""") }.message shouldContain "found end of input at $.metadata"
        shouldThrow<SerializationException> { Pod.TYPE.decode("""{"metadata":{"name":"p""") }.message shouldContain "unterminated string"
        shouldThrow<SerializationException> { Pod.TYPE.decode("""{"metadata":{}} x""") }.message shouldContain "after the JSON value"
        shouldThrow<SerializationException> { Pod.TYPE.decode("""{"spec":{"priority":3000000000}}""") }.message shouldContain "32-bit"
        shouldThrow<SerializationException> { Pod.TYPE.decode("""{"spec":{"priority":1.5}}""") }.message shouldContain "integer"
    }

    test("deeply nested free-form JSON is refused instead of overflowing the stack") {
        val deep = "[".repeat(10_000) + "]".repeat(10_000)
        shouldThrow<SerializationException> { Pod.TYPE.decode("""{"x":$deep}""") }.message shouldContain "nested deeper"
    }

    test("secret data never appears in toString or in decoding errors") {
        val secret = Secret.TYPE.decode("""{"kind":"Secret","data":{"password":"czNjcjN0"},"stringData":{"token":"hunter2"}}""")
        secret.toString() shouldNotContain "czNjcjN0"
        secret.toString() shouldNotContain "hunter2"
        secret.toString() shouldContain "data=<redacted>"
        val e = shouldThrow<SerializationException> { Secret.TYPE.decode("""{"data":{"password":"czNjcjN0"""") }
        e.message shouldNotContain "czNjcjN0"
    }

    test("unknown fields can be set through the builder but not under a known field's name") {
        val pod: Pod = Pod.builder().unknownField("x-note", JsonPrimitive("hi")).build()
        pod.toJson() shouldBe """{"apiVersion":"v1","kind":"Pod","x-note":"hi"}"""
        shouldThrow<IllegalArgumentException> { Pod.builder().unknownField("spec", buildJsonObject { put("a", 1) }) }
    }

    test("decoding from an input stream and encoding to an output stream work on bytes") {
        val text = Resources.text("fixtures/v1-services.json").removeSuffix("\n")
        val list = io.kubekt.api.core.v1.ServiceList.TYPE.decode(text.byteInputStream())
        val out = java.io.ByteArrayOutputStream()
        io.kubekt.api.core.v1.ServiceList.TYPE.encodeTo(list, out)
        out.toString(Charsets.UTF_8) shouldBe text
    }
})
