package io.kubekt.test.http

/** The authenticated identity of a request. */
internal data class UserInfo(val name: String, val groups: List<String>) {
    companion object {
        val ANONYMOUS = UserInfo("system:anonymous", listOf("system:unauthenticated"))
    }
}
