package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import java.io.ByteArrayOutputStream
import java.io.PrintStream

class LogOnceWarningHandlerSpec : FunSpec({
    fun captureStderr(block: () -> Unit): String {
        val captured = ByteArrayOutputStream()
        val original = System.err
        System.setErr(PrintStream(captured, true))
        try { block() } finally { System.setErr(original) }
        return captured.toString()
    }

    test("logs each distinct warning once") {
        val handler = WarningHandler.logOnce()
        val logs = captureStderr {
            handler.onWarning("apps/v1beta1 is gone-ish")
            handler.onWarning("apps/v1beta1 is gone-ish")
            handler.onWarning("another warning")
        }
        Regex("apps/v1beta1 is gone-ish").findAll(logs).count() shouldBe 1
        Regex("another warning").findAll(logs).count() shouldBe 1
    }

    test("forgets the oldest warnings beyond its capacity, so memory stays bounded") {
        val handler = LogOnceWarningHandler(capacity = 2)
        val logs = captureStderr { listOf("w-a", "w-b", "w-c", "w-a").forEach(handler::onWarning) }
        Regex("w-a").findAll(logs).count() shouldBe 2
    }
})
