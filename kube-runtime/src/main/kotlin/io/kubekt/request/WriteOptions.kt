package io.kubekt.request

/**
 * What [CreateOptions], [UpdateOptions] and [PatchOptions] share (metav1's create, update and
 * patch options are the same three fields): immutable; unset options are not sent; equal when
 * they are of the same kind and send the same query.
 *
 * @throws IllegalArgumentException for a blank [fieldManager] or one longer than 128 characters.
 */
public sealed class WriteOptions(
    /** When true the server validates and answers, but persists nothing (`dryRun=All`). */
    public val dryRun: Boolean,
    /** The name recorded as owner of the fields this write sets (managedFields). */
    public val fieldManager: String?,
    /** How unknown or duplicate fields are treated; unset: the server's default. */
    public val fieldValidation: FieldValidation?,
) : QueryOptions {
    init {
        WriteQuery.requireManager(fieldManager)
    }

    override fun toQuery(): List<Pair<String, String>> = WriteQuery.render(dryRun, fieldManager, fieldValidation)

    override fun equals(other: Any?): Boolean = other is WriteOptions && other.javaClass == javaClass && other.toQuery() == toQuery()
    override fun hashCode(): Int = toQuery().hashCode()
    override fun toString(): String = javaClass.simpleName + "(" + toQuery().joinToString { (k, v) -> "$k=$v" } + ")"
}
