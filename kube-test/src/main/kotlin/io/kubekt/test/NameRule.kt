package io.kubekt.test

/** How the server validates `metadata.name` of a resource, as its registry strategy does. */
public enum class NameRule {
    /** RFC 1123 subdomain: most resources (ConfigMaps, Pods, Deployments, ...). */
    DNS1123_SUBDOMAIN,

    /** RFC 1123 label: Namespaces. */
    DNS1123_LABEL,

    /** RFC 1035 label: Services. */
    DNS1035_LABEL,

    /** Any path segment (not `.` or `..`, no `/` or `%`): RBAC roles and bindings. */
    PATH_SEGMENT,
}
