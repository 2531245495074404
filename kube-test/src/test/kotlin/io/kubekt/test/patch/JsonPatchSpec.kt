package io.kubekt.test.patch

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray

private fun json(text: String) = Json.parseToJsonElement(text)
private fun ops(text: String) = json(text) as JsonArray

class JsonPatchSpec : FunSpec({
    test("add appends to arrays with - and inserts at an index") {
        JsonPatch.apply(json("""{"a":[1,3]}"""), ops("""[{"op":"add","path":"/a/1","value":2},{"op":"add","path":"/a/-","value":4}]""")) shouldBe
            json("""{"a":[1,2,3,4]}""")
    }

    test("replace requires the target to exist") {
        shouldThrow<PatchFailure> { JsonPatch.apply(json("{}"), ops("""[{"op":"replace","path":"/x","value":1}]""")) }
    }

    test("test compares JSON values, not text") {
        JsonPatch.apply(json("""{"a":{"b":1,"c":2}}"""), ops("""[{"op":"test","path":"/a","value":{"c":2,"b":1}}]""")) shouldBe
            json("""{"a":{"b":1,"c":2}}""")
        shouldThrow<PatchFailure> { JsonPatch.apply(json("""{"a":1}"""), ops("""[{"op":"test","path":"/a","value":"1"}]""")) }
    }

    test("pointers unescape ~1 and ~0") {
        JsonPatch.apply(json("""{"a/b":1,"c~d":2}"""), ops("""[{"op":"remove","path":"/a~1b"},{"op":"remove","path":"/c~0d"}]""")) shouldBe json("{}")
    }

    test("merge patch removes with null and merges nested objects") {
        MergePatch.apply(json("""{"a":{"b":1,"c":2},"d":[1]}"""), json("""{"a":{"b":null,"e":3},"d":[2]}""")) shouldBe
            json("""{"a":{"c":2,"e":3},"d":[2]}""")
    }
})
