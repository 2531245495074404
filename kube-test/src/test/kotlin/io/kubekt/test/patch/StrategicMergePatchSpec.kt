package io.kubekt.test.patch

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.api.GroupVersionKind
import io.kubekt.test.support.Transcripts
import io.kubekt.test.support.at
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject

private fun obj(text: String) = Json.parseToJsonElement(text) as JsonObject
private val deployment = SchemaNode.root(GroupVersionKind("apps", "v1", "Deployment"))
private val pod = SchemaNode.root(GroupVersionKind("", "v1", "Pod"))
private fun patchDeployment(target: JsonObject, patch: String) = StrategicMergePatch.apply(target, obj(patch), deployment)
private fun patchPod(target: String, patch: String) = StrategicMergePatch.apply(obj(target), obj(patch), pod)

class StrategicMergePatchSpec : FunSpec({
    test("the recorded containers patch merges container a by name and puts the new env var first, as the API server did") {
        val created = Transcripts.status("28-create-deployment")
        val patched = patchDeployment(created, """{"spec":{"template":{"spec":{"containers":[{"name":"a","image":"img-a:2","env":[{"name":"Y","value":"2"}]}]}}}}""")
        patched["spec"] shouldBe Transcripts.status("29-patch-strategic-merge-containers")["spec"]
    }

    test("the recorded delete directive removes container b and keeps the rest of the spec") {
        val before = Transcripts.status("29-patch-strategic-merge-containers")
        val patched = patchDeployment(before, """{"spec":{"template":{"spec":{"containers":[{"name":"b","${'$'}patch":"delete"}]}}}}""")
        patched["spec"] shouldBe Transcripts.status("30-patch-strategic-merge-delete-directive")["spec"]
    }

    test("items only the server had keep their places around the patch's items") {
        val merged = patchPod(
            """{"spec":{"containers":[{"name":"A"},{"name":"B"},{"name":"C"}]}}""",
            """{"spec":{"containers":[{"name":"B","image":"b2"},{"name":"D"}]}}""",
        )
        merged.at("spec.containers").toString() shouldBe """[{"name":"A"},{"name":"B","image":"b2"},{"name":"D"},{"name":"C"}]"""
    }

    test("a replace directive in a list replaces the whole list") {
        val merged = patchPod(
            """{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b"}]}}""",
            """{"spec":{"containers":[{"${'$'}patch":"replace"},{"name":"c"}]}}""",
        )
        merged.at("spec.containers").toString() shouldBe """[{"name":"c"}]"""
    }

    test("a replace directive in a map replaces the map, a delete directive empties it") {
        val target = """{"metadata":{"labels":{"a":"1","b":"2"},"annotations":{"x":"y"}}}"""
        val merged = patchPod(target, """{"metadata":{"labels":{"${'$'}patch":"replace","c":"3"},"annotations":{"${'$'}patch":"delete"}}}""")
        merged.at("metadata").toString() shouldBe """{"labels":{"c":"3"},"annotations":{}}"""
    }

    test("null removes a key and maps merge recursively") {
        val merged = patchPod("""{"metadata":{"labels":{"a":"1","b":"2"}}}""", """{"metadata":{"labels":{"a":null,"c":"3"}}}""")
        merged.at("metadata.labels").toString() shouldBe """{"b":"2","c":"3"}"""
    }

    test("a list without a patch strategy is replaced") {
        val merged = patchPod(
            """{"spec":{"containers":[{"name":"a","args":["1","2"]}]}}""",
            """{"spec":{"containers":[{"name":"a","args":["3"]}]}}""",
        )
        merged.at("spec.containers").toString() shouldBe """[{"name":"a","args":["3"]}]"""
    }

    test("a primitive list merged by strategy merge keeps the union, and deleteFromPrimitiveList removes values") {
        val target = """{"metadata":{"finalizers":["a","b"]}}"""
        patchPod(target, """{"metadata":{"finalizers":["c","a"]}}""").at("metadata.finalizers").toString() shouldBe """["c","a","b"]"""
        patchPod(target, """{"metadata":{"${'$'}deleteFromPrimitiveList/finalizers":["a"]}}""").at("metadata.finalizers").toString() shouldBe """["b"]"""
    }

    test("setElementOrder orders the merged list") {
        val merged = patchPod(
            """{"spec":{"containers":[{"name":"a"},{"name":"b"},{"name":"c"}]}}""",
            """{"spec":{"${'$'}setElementOrder/containers":[{"name":"c"},{"name":"a"},{"name":"b"}],"containers":[{"name":"a","image":"i"}]}}""",
        )
        merged.at("spec.containers").toString() shouldBe """[{"name":"c"},{"name":"a","image":"i"},{"name":"b"}]"""
    }

    test("retainKeys drops the keys the patch does not list") {
        val target = obj("""{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""")
        val merged = patchDeployment(target, """{"spec":{"strategy":{"${'$'}retainKeys":["type"],"type":"Recreate"}}}""")
        merged.at("spec.strategy").toString() shouldBe """{"type":"Recreate"}"""
    }

    test("an item without its merge key cannot be merged") {
        shouldThrow<PatchFailure> { patchPod("""{"spec":{"containers":[{"name":"a"}]}}""", """{"spec":{"containers":[{"image":"x"}]}}""") }
    }

    test("without a schema lists are replaced and maps merge") {
        val merged = StrategicMergePatch.apply(obj("""{"spec":{"l":[1,2],"m":{"a":1}}}"""), obj("""{"spec":{"l":[3],"m":{"b":2}}}"""), SchemaNode.UNKNOWN)
        merged.toString() shouldBe """{"spec":{"l":[3],"m":{"a":1,"b":2}}}"""
    }
})
