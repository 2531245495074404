package io.kubekt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.error.ConfigException;
import io.kubekt.error.KubeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config API as a Java caller sees it: static entry points, plain getters, fluent overrides. */
class KubeconfigJavaTest {
    @TempDir
    Path dir;

    private Path kubeconfig() throws IOException {
        return Files.writeString(dir.resolve("config"), String.join("\n",
                "current-context: dev",
                "clusters:",
                "- name: local",
                "  cluster: {server: 'http://127.0.0.1:8080'}",
                "users:",
                "- name: me",
                "  user: {token: java-token}",
                "contexts:",
                "- name: dev",
                "  context: {cluster: local, user: me, namespace: team-java}",
                "- name: other",
                "  context: {cluster: local}",
                ""));
    }

    @Test
    void loadsAKubeconfigAndReadsServerAndNamespace() throws IOException {
        Kubeconfig kubeconfig = KubeconfigLoader.load(kubeconfig());
        ClientConfig config = kubeconfig.toClientConfig();

        assertEquals("http://127.0.0.1:8080", config.getServer());
        assertEquals("team-java", config.getNamespace());
        assertEquals("dev", config.getContextName());
        assertEquals(new Credentials.Token("java-token"), config.getCredentials());
        assertTrue(kubeconfig.getContexts().containsKey("other"));
    }

    @Test
    void appliesOverridesThroughTheDefaultResolution() throws IOException {
        ConfigOverrides overrides = ConfigOverrides.NONE
                .withKubeconfig(kubeconfig())
                .withContext("other")
                .withNamespace("tests");
        ClientConfig config = ClientConfig.load(overrides);

        assertEquals("http://127.0.0.1:8080", config.getServer());
        assertEquals("tests", config.getNamespace());
        assertEquals(Credentials.None.INSTANCE, config.getCredentials());
    }

    @Test
    void reportsAnUnknownContextAsAConfigException() throws IOException {
        Kubeconfig kubeconfig = KubeconfigLoader.load(kubeconfig());
        KubeException e = assertThrows(ConfigException.class,
                () -> kubeconfig.toClientConfig(ConfigOverrides.NONE.withContext("prod")));
        assertTrue(e.getMessage().contains("available contexts: \"dev\", \"other\""), e.getMessage());
    }
}
