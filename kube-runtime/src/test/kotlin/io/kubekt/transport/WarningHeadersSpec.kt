package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

class WarningHeadersSpec : FunSpec({
    test("reads the text of a 299 warning") {
        WarningHeaders.parse(listOf("""299 - "extensions/v1beta1 Ingress is deprecated"""")) shouldBe
            listOf("extensions/v1beta1 Ingress is deprecated")
    }
    test("reads several comma-separated warnings, with dates and escaped quotes") {
        val header = """299 - "first, with comma", 299 kube-apiserver "say \"hi\"" "Sat, 01 Jan 2000 00:00:00 GMT",299 - "third""""
        WarningHeaders.parse(listOf(header)) shouldBe listOf("first, with comma", "say \"hi\"", "third")
    }
    test("reads every header value") {
        WarningHeaders.parse(listOf("299 - \"a\"", "299 - \"b\"")) shouldBe listOf("a", "b")
    }
    test("ignores codes other than 299, empty texts and malformed values") {
        WarningHeaders.parse(listOf("199 - \"misc\"", "299 - \"\"", "garbage", "299 - unquoted", "299 - \"unterminated")) shouldBe emptyList()
    }
    test("keeps the warnings before a malformed tail") {
        WarningHeaders.parse(listOf("299 - \"ok\", nonsense")) shouldBe listOf("ok")
    }
})
