package io.kubekt.transport

import io.kotest.core.spec.style.FunSpec
import io.kubekt.config.ClientConfig
import io.kubekt.config.TlsConfig
import io.kubekt.request.KubeRequest
import io.kubekt.request.Verb
import io.kubekt.testing.Http2TestServer
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicReference
import kotlin.random.Random
import kotlin.time.Duration.Companion.seconds

/**
 * The measurement behind docs/decisions/http-engine.md. Slow (about a minute), so it only runs by hand:
 *
 *     mvn -B -o -Dkotlin.compiler.daemon=false test -pl kube-runtime -Dtest=EngineMeasurementSpec -Dkubekt.measure=true
 *
 * Against a loopback HTTP/2 server (Jetty) it measures, per engine: the protocol negotiated; how
 * late each streamed line arrives; client threads and TCP connections for 100 open streams; whether
 * a stream whose consumer stopped reading stalls another stream; and HTTP/2 PINGs sent while idle.
 */
class EngineMeasurementSpec : FunSpec({
    val enabled = System.getProperty("kubekt.measure") == "true"
    val hold = AtomicReference(CountDownLatch(1))
    val stopFlood = AtomicBoolean(false)
    val flooded = java.util.concurrent.atomic.AtomicLong()
    fun line() = "{\"t\":${System.nanoTime()}}\n".toByteArray()
    val server = if (!enabled) null else Http2TestServer(Certs.server, Certs.ca) { path, out ->
        when {
            path.startsWith("/lines") -> repeat(20) { out.write(line()); out.flush(); Thread.sleep(50) }
            path.startsWith("/hold") -> { out.write(line()); out.flush(); hold.get().await(60, TimeUnit.SECONDS) }
            path.startsWith("/flood") -> {
                val chunk = ("{\"pad\":\"" + "x".repeat(1000) + "\"}\n").toByteArray()
                flooded.set(0)
                while (!stopFlood.get() && flooded.get() < 512L * 1024 * 1024) { out.write(chunk); flooded.addAndGet(chunk.size.toLong()) }
            }
            path.startsWith("/ticks") -> repeat(20) { out.write(line()); out.flush(); Thread.sleep(100) }
            path.startsWith("/idle") -> { out.write(line()); out.flush(); Thread.sleep(3500); out.write(line()) }
            else -> out.write("{}".toByteArray())
        }
    }
    afterSpec { server?.close() }

    fun clientThreads() = Thread.getAllStackTraces().keys.count { it.isAlive && !it.name.startsWith("jetty-server") && !it.name.startsWith("test-https") }
    fun stream(path: String) = KubeRequest(Verb.WATCH, path, streaming = true)
    fun latencyMs(line: String) = (System.nanoTime() - line.substringAfter(":").substringBefore("}").toLong()) / 1e6

    fun transportFor(engine: HttpEngineFactory, ping: Duration = Duration.ofSeconds(30)): HttpTransport {
        val pinging = HttpEngineFactory { s ->
            engine.create(EngineSettings(s.server, s.sslContext, s.trustManager, s.keyManager, s.hostnameVerifier, s.serverName, s.proxySelector, s.connectTimeout, ping))
        }
        val config = ClientConfig {
            this.server = server!!.url; tls = TlsConfig(certificateAuthority = caPem()); qps = 0.0; this.engine = pinging
        }
        return HttpTransport(config, TestAuthenticator(), emptyMap(), Random(0))
    }

    for (engine in ENGINES) {
        test("measure $engine").config(enabled = enabled) {
            val s = server!!
            val report = StringBuilder("| $engine ")
            transportFor(engine).use { t ->
                t.execute(KubeRequest(Verb.GET, "/ok"))
                report.append("| ${s.protocols.last()} ")
                // 1. prompt delivery of each line
                val latencies = mutableListOf<Double>()
                t.streamLines(stream("/lines")).collect { latencies += latencyMs(it) }
                latencies.sort()
                report.append("| %.1f / %.1f ms ".format(latencies[latencies.size / 2], latencies.last()))
                // 2. threads and connections for 100 open streams
                val before = clientThreads()
                hold.set(CountDownLatch(1))
                val firstLines = CountDownLatch(100)
                coroutineScope {
                    val jobs = (1..100).map { launch { t.streamLines(stream("/hold")).collect { firstLines.countDown() } } }
                    val allOpen = withContext(Dispatchers.IO) { firstLines.await(30, TimeUnit.SECONDS) }
                    report.append("| ${100 - firstLines.count} of 100 open, +${clientThreads() - before} threads, ${s.openConnections} TCP ")
                    if (!allOpen) report.append("(stuck) ")
                    hold.get().countDown()
                    jobs.forEach { it.cancelAndJoin() }
                }
                // 3. does a stream whose consumer stopped reading stall another one?
                stopFlood.set(false)
                coroutineScope {
                    val stalled = launch { t.streamLines(stream("/flood")).collect { awaitCancellation() } }
                    val samples = (1..6).map { delay(1.seconds); "%.0f".format(flooded.get() / 1e6) }
                    System.gc()
                    val heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6
                    report.append("| stalled stream: MB sent at 1..6 s: ${samples.joinToString(" ")}; heap %.0f MB ".format(heap))
                    val ticks = mutableListOf<Double>()
                    withTimeoutOrNull(10.seconds) { t.streamLines(stream("/ticks")).collect { ticks += latencyMs(it) } }
                    report.append("| ${ticks.size}/20 lines beside a stalled stream" + (ticks.maxOrNull()?.let { ", max %.0f ms ".format(it) } ?: " "))
                    stopFlood.set(true)
                    stalled.cancelAndJoin()
                }
            }
            // 4. HTTP/2 pings on an idle stream, with a 1 s ping interval
            transportFor(engine, ping = Duration.ofSeconds(1)).use { t ->
                val pingsBefore = s.pingsReceived.get()
                t.streamLines(stream("/idle")).take(2).collect()
                report.append("| ${s.pingsReceived.get() - pingsBefore} pings in 3.5 s idle |")
            }
            println("MEASURE $report")
        }
    }
})
