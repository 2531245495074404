package io.kubekt.dynamic

/** What a [DynamicResource] addresses: the resource as such (cluster scope), one namespace, or all namespaces. */
internal sealed class DynamicScope {
    object Cluster : DynamicScope() {
        override fun toString(): String = "cluster"
    }

    class Namespace(val name: String) : DynamicScope() {
        override fun toString(): String = "namespace $name"
    }

    object AllNamespaces : DynamicScope() {
        override fun toString(): String = "all namespaces"
    }
}
