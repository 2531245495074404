package io.kubekt.client

import kotlinx.serialization.Serializable

/** A cut-down ConfigMap, enough to decode the recorded answers. */
@Serializable
data class TestConfigMap(val metadata: TestMeta, val data: Map<String, String> = emptyMap())

@Serializable
data class TestMeta(val name: String, val namespace: String? = null, val resourceVersion: String? = null)

@Serializable
data class TestListMeta(val resourceVersion: String? = null, @kotlinx.serialization.SerialName("continue") val continueToken: String? = null)

@Serializable
data class TestConfigMapList(val metadata: TestListMeta, val items: List<TestConfigMap>)

/** The recorded answer to a list of two ConfigMaps (trimmed from transcript 14), with a continue token. */
const val CONFIGMAP_LIST_JSON: String = """{"kind":"ConfigMapList","apiVersion":"v1",
"metadata":{"resourceVersion":"13355","continue":"eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTMzNTV9"},
"items":[{"metadata":{"name":"page-1","namespace":"transcripts","resourceVersion":"13350","labels":{"app":"page"}}},
{"metadata":{"name":"page-2","namespace":"transcripts","resourceVersion":"13351"},"data":{"a":"1"}}]}"""
