package io.kubekt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kubekt.test.junit.KubeTestJUnitExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension starts one server for the class and injects it. */
class JUnitExtensionJavaTest {
    @RegisterExtension
    static KubeTestJUnitExtension kube = new KubeTestJUnitExtension(KubeTestServer.builder().https(false));

    @Test
    void injectsTheRunningServer(KubeTestServer server) throws Exception {
        assertSame(kube.server(), server);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.getUrl() + "/version")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
    }
}
