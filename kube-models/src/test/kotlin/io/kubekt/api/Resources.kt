package io.kubekt.api

/** Test resources on the classpath. */
object Resources {
    fun bytes(path: String): ByteArray =
        Resources::class.java.getResourceAsStream("/$path")?.use { it.readBytes() } ?: error("missing test resource $path")

    fun text(path: String): String = String(bytes(path), Charsets.UTF_8)

    /** File names in a resource folder (the folder is a plain directory in target/test-classes). */
    fun list(folder: String): List<String> {
        val url = Resources::class.java.getResource("/$folder") ?: error("missing test folder $folder")
        return java.io.File(url.toURI()).list()!!.sorted()
    }
}
