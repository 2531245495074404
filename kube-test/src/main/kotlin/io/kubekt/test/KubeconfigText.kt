package io.kubekt.test

import java.util.Base64

/** Renders a one-cluster, one-user, one-context kubeconfig as kubectl writes it. */
internal object KubeconfigText {
    fun render(server: String, caPem: String?, token: String?, cert: ClientCertificate?, name: String = "kube-test"): String {
        fun b64(text: String) = Base64.getEncoder().encodeToString(text.toByteArray())
        return buildString {
            append("apiVersion: v1\n")
            append("kind: Config\n")
            append("clusters:\n")
            append("- name: $name\n")
            append("  cluster:\n")
            append("    server: $server\n")
            if (caPem != null) append("    certificate-authority-data: ${b64(caPem)}\n")
            append("users:\n")
            append("- name: $name\n")
            when {
                token != null -> append("  user:\n    token: $token\n")
                cert != null -> {
                    append("  user:\n")
                    append("    client-certificate-data: ${b64(cert.certificatePem)}\n")
                    append("    client-key-data: ${b64(cert.privateKeyPem)}\n")
                }
                else -> append("  user: {}\n")
            }
            append("contexts:\n")
            append("- name: $name\n")
            append("  context:\n")
            append("    cluster: $name\n")
            append("    user: $name\n")
            append("    namespace: default\n")
            append("current-context: $name\n")
        }
    }
}
