package io.kubekt.request

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.datatest.withData
import io.kotest.matchers.shouldBe

class FieldSelectorSpec : FunSpec({
    test("a block renders terms in the order written") {
        FieldSelector { "status.phase" eq "Running"; "metadata.name" ne "x" }.toString() shouldBe
            "status.phase=Running,metadata.name!=x"
        FieldSelector.builder().eq("status.phase", "Running").ne("metadata.name", "x").build() shouldBe
            FieldSelector { "status.phase" eq "Running"; "metadata.name" ne "x" }
    }

    test("values with '\\', ',' and '=' are escaped and parse back to the same value") {
        val selector = FieldSelector { "metadata.name" eq "a,b=c\\d"; "spec.nodeName" ne "" }
        selector.toString() shouldBe "metadata.name=a\\,b\\=c\\\\d,spec.nodeName!="
        val parsed = FieldSelector.parse(selector.toString())
        parsed shouldBe selector
        parsed.requirements.map { it.value } shouldBe listOf("a,b=c\\d", "")
    }

    test("parsing reads '==' as '=' and skips empty terms") {
        FieldSelector.parse("status.phase==Running,,metadata.name!=x").toString() shouldBe "status.phase=Running,metadata.name!=x"
        FieldSelector.parse("") shouldBe FieldSelector.EVERYTHING
    }

    context("invalid fields and strings are refused with the offending part") {
        withData(
            nameFn = { it.second },
            { FieldSelector { "" eq "x" } } to "invalid field selector term: the field must not be empty (value \"x\")",
            { FieldSelector { "status phase" eq "x" } } to
                "invalid field selector field \"status phase\": a field path must not contain whitespace, ',', '=', '!' or '\\'",
            { FieldSelector.parse("status.phase") } to
                "invalid field selector \"status.phase\": the term \"status.phase\" has no operator (=, ==, !=)",
            { FieldSelector.parse("a=b\\x") } to
                "invalid field selector \"a=b\\x\": invalid field selector value \"b\\x\": '\\' must be followed by '\\', ',' or '=' (position 1)",
            { FieldSelector.parse("a=b=c") } to
                "invalid field selector \"a=b=c\": invalid field selector value \"b=c\": '=' must be escaped as '\\=' (position 1)",
        ) { (build, message) ->
            shouldThrow<IllegalArgumentException> { build() }.message shouldBe message
        }
    }

    test("matches compares field values; an absent field reads as empty") {
        val selector = FieldSelector.parse("status.phase=Running,metadata.name!=x")
        selector.matches(mapOf("status.phase" to "Running", "metadata.name" to "web")) shouldBe true
        selector.matches(mapOf("status.phase" to "Running", "metadata.name" to "x")) shouldBe false
        selector.matches(mapOf("metadata.name" to "web")) shouldBe false
        FieldSelector.parse("spec.nodeName=").matches(emptyMap()) shouldBe true
    }
})
