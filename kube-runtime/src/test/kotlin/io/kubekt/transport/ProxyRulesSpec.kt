package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe
import io.kubekt.error.ConfigException
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.matchers.string.shouldContain
import io.kotest.matchers.string.shouldNotContain
import java.net.InetSocketAddress
import java.net.Proxy
import java.net.URI

class ProxyRulesSpec : FunSpec({
    fun bypass(noProxy: String?, url: String) = ProxyRules(noProxy).bypasses(URI(url))

    test("a host name matches itself and its subdomains") {
        bypass("example.com", "https://example.com") shouldBe true
        bypass("example.com", "https://api.example.com:6443") shouldBe true
        bypass("example.com", "https://notexample.com") shouldBe false
    }
    test("a leading dot or star-dot matches subdomains only") {
        bypass(".example.com", "https://api.example.com") shouldBe true
        bypass(".example.com", "https://example.com") shouldBe false
        bypass("*.example.com", "https://a.b.example.com") shouldBe true
        bypass("*.example.com", "https://example.com") shouldBe false
    }
    test("IP addresses and CIDR ranges match addresses, v4 and v6") {
        bypass("10.0.0.1", "https://10.0.0.1:6443") shouldBe true
        bypass("10.0.0.1", "https://10.0.0.2:6443") shouldBe false
        bypass("10.0.0.0/8", "https://10.20.30.40") shouldBe true
        bypass("10.0.0.0/8", "https://11.0.0.1") shouldBe false
        bypass("fd00::/8", "https://[fd12::1]:6443") shouldBe true
        bypass("fd00::/8", "https://[fe80::1]") shouldBe false
    }
    test("an entry with a port matches that port only") {
        bypass("example.com:6443", "https://example.com:6443") shouldBe true
        bypass("example.com:6443", "https://example.com") shouldBe false
        bypass("10.0.0.1:443", "https://10.0.0.1") shouldBe true
    }
    test("star matches everything; blanks and spaces are ignored; matching ignores case") {
        bypass("*", "https://anything.io") shouldBe true
        bypass(" , Example.COM ,", "https://API.example.com") shouldBe true
        bypass("", "https://example.com") shouldBe false
        bypass(null, "https://example.com") shouldBe false
    }
    test("localhost and loopback addresses always go direct") {
        bypass(null, "https://localhost:6443") shouldBe true
        bypass(null, "https://127.0.0.1:6443") shouldBe true
        bypass(null, "https://[::1]:6443") shouldBe true
    }
    test("environment proxies apply per scheme unless NO_PROXY matches; upper case wins") {
        val selector = KubeProxySelector.create(
            null,
            mapOf("HTTPS_PROXY" to "http://secure:3128", "https_proxy" to "http://ignored:1", "http_proxy" to "plain:8080", "NO_PROXY" to ".internal"),
            "test",
        )
        selector.select(URI("https://api.example.com")) shouldBe listOf(Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("secure", 3128)))
        selector.select(URI("http://api.example.com")) shouldBe listOf(Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("plain", 8080)))
        selector.select(URI("https://k8s.internal")) shouldBe listOf(Proxy.NO_PROXY)
        KubeProxySelector.create(null, emptyMap(), "test").select(URI("https://api.example.com")) shouldBe listOf(Proxy.NO_PROXY)
    }
    test("an explicit proxy-url applies to every request, ignoring NO_PROXY") {
        val selector = KubeProxySelector.create("socks5://gw:1080", mapOf("NO_PROXY" to "*"), "test")
        selector.select(URI("https://api.example.com")) shouldBe listOf(Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved("gw", 1080)))
    }
    test("bad proxy URLs fail clearly without echoing credentials") {
        val unsupported = shouldThrow<ConfigException> { KubeProxySelector.create("ftp://u:secretpw@gw:21", emptyMap(), "context \"dev\"") }
        unsupported.message shouldContain "context \"dev\""
        unsupported.message shouldNotContain "secretpw"
        val tlsProxy = shouldThrow<ConfigException> { KubeProxySelector.create(null, mapOf("HTTPS_PROXY" to "https://u:secretpw@gw"), "x") }
        tlsProxy.message shouldContain "HTTPS_PROXY"
        tlsProxy.message shouldNotContain "secretpw"
    }
})
