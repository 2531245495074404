package io.kubekt.request

import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kotest.matchers.shouldNotBe

class WriteOptionsSpec : FunSpec({
    test("create, update and patch options send dryRun, fieldManager and fieldValidation, and only what is set") {
        CreateOptions().toQuery() shouldBe emptyList()
        UpdateOptions(dryRun = true, fieldManager = "tool", fieldValidation = FieldValidation.STRICT).toQuery() shouldBe
            listOf("dryRun" to "All", "fieldManager" to "tool", "fieldValidation" to "Strict")
        PatchOptions.builder().fieldManager("tool").build().toQuery() shouldBe listOf("fieldManager" to "tool")
    }

    test("options are equal only to options of the same kind sending the same query, and say their kind") {
        CreateOptions(dryRun = true) shouldBe CreateOptions.builder().dryRun(true).build()
        CreateOptions(dryRun = true).hashCode() shouldBe CreateOptions.builder().dryRun(true).build().hashCode()
        CreateOptions(dryRun = true) shouldNotBe UpdateOptions(dryRun = true)
        UpdateOptions(fieldManager = "a") shouldNotBe UpdateOptions(fieldManager = "b")
        PatchOptions(dryRun = true).toString() shouldBe "PatchOptions(dryRun=All)"
    }

    test("a blank field manager or one longer than 128 characters is refused by every kind") {
        shouldThrow<IllegalArgumentException> { CreateOptions(fieldManager = " ") }
        shouldThrow<IllegalArgumentException> { UpdateOptions(fieldManager = "m".repeat(129)) }
        shouldThrow<IllegalArgumentException> { PatchOptions.builder().fieldManager("").build() }
    }
})
