package io.kubekt.transport

/** A 2xx response, fully read. */
internal class KubeResponse(
    val code: Int,
    /** Header names lower-cased. */
    val headers: Map<String, List<String>>,
    val body: ByteArray,
)
