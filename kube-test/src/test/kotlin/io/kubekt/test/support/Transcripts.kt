package io.kubekt.test.support

import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject

/** Bodies recorded from a real kube-apiserver, copied from the project's transcripts into test resources. */
object Transcripts {
    fun status(name: String): JsonObject {
        val text = Transcripts::class.java.getResource("/transcripts/$name.json")?.readText()
            ?: error("missing test resource transcripts/$name.json")
        return Json.parseToJsonElement(text) as JsonObject
    }
}
