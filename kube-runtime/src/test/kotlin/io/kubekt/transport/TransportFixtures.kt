package io.kubekt.transport

import io.kubekt.config.ClientConfig
import io.kubekt.config.PemSource
import io.kubekt.config.TlsConfig
import io.kubekt.testing.FakeClock
import io.kubekt.testing.Issued
import io.kubekt.testing.TestCertificates
import io.kubekt.testing.TestHttpsServer
import java.net.ServerSocket
import kotlin.random.Random

/** Certificates shared by the transport's integration tests (generating keys is slow). */
internal object Certs {
    val ca: Issued = TestCertificates.ca("kubekt-test-ca")
    val otherCa: Issued = TestCertificates.ca("some-other-ca")
    val server: Issued = TestCertificates.server(ca)
    val kubernetesOnly: Issued = TestCertificates.server(ca, "kubernetes")
    val client: Issued = TestCertificates.client(ca, "alice", listOf("devs"))
    val clientRsa: Issued = TestCertificates.client(ca, "bob", kind = io.kubekt.testing.KeyKind.RSA)
}

internal fun caPem(ca: Issued = Certs.ca): PemSource = PemSource.Data(ca.certPem.toByteArray())

/**
 * A transport to [url] trusting [Certs.ca], on an auto-advancing [FakeClock] unless told otherwise.
 * The request timeout is off by default: on an auto-advancing clock it would fire at once.
 */
internal fun transport(
    url: String,
    auth: TestAuthenticator = TestAuthenticator(),
    engine: HttpEngineFactory = JavaEngineFactory,
    environment: Map<String, String> = emptyMap(),
    configure: ClientConfig.Builder.() -> Unit = {},
): HttpTransport {
    val config = ClientConfig {
        server = url
        tls = TlsConfig(certificateAuthority = caPem())
        clock = FakeClock(autoAdvance = true)
        requestTimeout = java.time.Duration.ZERO
        this.engine = engine
        source = "test config"
        configure()
    }
    return HttpTransport(config, auth, environment, Random(0))
}

internal fun httpsServer(cert: Issued = Certs.server, clientCa: Issued? = null, ca: Issued = Certs.ca): TestHttpsServer =
    TestHttpsServer(cert, ca, clientCa)

/** A port nothing listens on. */
internal fun closedPort(): Int = ServerSocket(0).use { it.localPort }

internal val ENGINES: List<HttpEngineFactory> = listOf(JavaEngineFactory, OkHttpEngineFactory, CioEngineFactory)
