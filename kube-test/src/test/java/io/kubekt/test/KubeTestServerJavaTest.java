package io.kubekt.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubekt.api.core.v1.Namespace;
import io.kubekt.client.KubeClient;
import io.kubekt.error.ApiException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** kube-test from Java: builder, try-with-resources, real HTTPS calls (JDK client and kubekt), faults, counters, authorization. */
class KubeTestServerJavaTest {

    @Test
    void startsServesAndStopsFromJava() throws Exception {
        try (KubeTestServer server = KubeTestServer.builder()
                .token("java-token", "java-user", "java-group")
                .allowAnonymous(false)
                .bookmarkInterval(Duration.ofSeconds(30))
                .start()) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(server.getCaCertificatePem())).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getUrl() + "/api/v1/namespaces/default"))
                    .header("Authorization", "Bearer java-token")
                    .build();

            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals(HttpClient.Version.HTTP_2, response.version());
            assertTrue(response.body().contains("\"name\":\"default\""));
            assertEquals(1L, server.getRequests().count("get", "namespaces"));

            server.getFaults().failNext(1, 503, RequestFilter.verb("get"));
            assertEquals(503, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());

            assertTrue(server.kubeconfigWithToken("java-token").contains("server: " + server.getUrl()));
        }
    }

    @Test
    void kubektClientFromClientConfigFromJava() {
        try (KubeTestServer server = KubeTestServer.builder()
                .token("java-token", "java-user")
                .token("viewer-token", "viewer")
                .authorize(request -> !request.getUser().equals("viewer") || request.getVerb().equals("get"))
                .start();
             KubeClient client = KubeClient.create(server.clientConfigWithToken("java-token"));
             KubeClient viewer = KubeClient.create(server.clientConfigWithToken("viewer-token"))) {
            Namespace ns = client.rest().get().resource("namespaces").name("default").execute(Namespace.class);
            assertEquals("default", ns.getMetadata().getName());
            assertEquals(1L, server.getRequests().count("get", "namespaces"));

            ApiException denied = assertThrows(ApiException.class,
                    () -> viewer.rest().get().namespace("default").resource("configmaps").executeJson());
            assertEquals(403, denied.getCode());
            assertTrue(denied.isForbidden());
        }
    }

    @Test
    void registersACustomResourceTypeFromJava() throws Exception {
        ResourceType gadgets = ResourceType.builder("example.com", "v1", "gadgets", "Gadget")
                .namespaced(true)
                .shortNames("gd")
                .custom(true)
                .build();
        try (KubeTestServer server = KubeTestServer.builder().https(false).resource(gadgets).start()) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest create = HttpRequest.newBuilder(URI.create(server.getUrl() + "/apis/example.com/v1/namespaces/default/gadgets"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"name\":\"g1\"},\"spec\":{\"x\":1}}"))
                    .build();
            assertEquals(201, client.send(create, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    private static SSLContext trusting(String caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes())));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
