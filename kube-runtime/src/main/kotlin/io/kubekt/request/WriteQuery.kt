package io.kubekt.request

/** The query parameters shared by create, update, patch and apply. */
internal object WriteQuery {
    fun render(dryRun: Boolean, fieldManager: String?, fieldValidation: FieldValidation?, force: Boolean? = null): List<Pair<String, String>> =
        buildList {
            if (dryRun) add("dryRun" to "All")
            fieldManager?.let { add("fieldManager" to it) }
            fieldValidation?.let { add("fieldValidation" to it.value) }
            force?.let { add("force" to it.toString()) }
        }

    fun requireManager(fieldManager: String?) {
        require(fieldManager == null || (fieldManager.isNotBlank() && fieldManager.length <= 128)) {
            "fieldManager must be 1 to 128 characters and not blank, was \"$fieldManager\""
        }
    }
}
