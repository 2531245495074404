@file:JvmName("Objects")

package io.kubekt.conformance.support

/** JSON bodies valid on every API server, for the tests that need a particular kind. */
fun configMapJson(name: String, labels: Map<String, String> = emptyMap(), data: Map<String, String> = emptyMap(), finalizers: List<String> = emptyList()): String {
    val labelText = labels.entries.joinToString(",") { "\"${it.key}\":\"${it.value}\"" }
    val dataText = data.entries.joinToString(",") { "\"${it.key}\":\"${it.value}\"" }
    val finalizerText = finalizers.joinToString(",") { "\"$it\"" }
    return """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"$name","labels":{$labelText},"finalizers":[$finalizerText]},"data":{$dataText}}"""
}

/** A Deployment of [replicas] pause containers selecting `app=[name]`. */
fun deploymentJson(name: String, replicas: Int = 1): String =
    """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"$name"},"spec":{"replicas":$replicas,""" +
        """"selector":{"matchLabels":{"app":"$name"}},"template":{"metadata":{"labels":{"app":"$name"}},""" +
        """"spec":{"containers":[{"name":"main","image":"registry.k8s.io/pause:3.9"}]}}}}"""

/** A Pod that no node will run ([nodeName] set to a node that does not exist unless given). */
fun podJson(name: String, nodeName: String, labels: Map<String, String> = emptyMap()): String {
    val labelText = labels.entries.joinToString(",") { "\"${it.key}\":\"${it.value}\"" }
    return """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"$name","labels":{$labelText}},""" +
        """"spec":{"nodeName":"$nodeName","containers":[{"name":"main","image":"registry.k8s.io/pause:3.9"}]}}"""
}
