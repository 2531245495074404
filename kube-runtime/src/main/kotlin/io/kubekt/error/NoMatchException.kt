package io.kubekt.error

/**
 * The RESTMapper found no resource or kind by the name asked for, even after discovering the
 * server's resources anew (client-go's `NoKindMatchError` / `NoResourceMatchError`): the name
 * is wrong, or the CRD serving it is not installed (yet).
 */
public class NoMatchException(message: String) : KubeException(message)
