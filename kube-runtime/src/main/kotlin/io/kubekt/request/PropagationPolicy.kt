package io.kubekt.request

/** Whether and how the garbage collector deletes the dependents of a deleted object (metav1 `propagationPolicy`). */
public enum class PropagationPolicy(
    /** The wire value. */
    public val value: String,
) {
    /** Dependents are kept and lose the owner reference. */
    ORPHAN("Orphan"),

    /** The object goes at once; the garbage collector deletes dependents afterwards. */
    BACKGROUND("Background"),

    /** The object stays (finalizer `foregroundDeletion`) until its blocking dependents are gone. */
    FOREGROUND("Foreground"),
}
