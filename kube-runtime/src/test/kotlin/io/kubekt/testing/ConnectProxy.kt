package io.kubekt.testing

import java.io.InputStream
import java.io.OutputStream
import java.net.InetAddress
import java.net.ServerSocket
import java.net.Socket
import java.util.Collections
import kotlin.concurrent.thread

/**
 * A minimal HTTP CONNECT proxy on 127.0.0.1 for proxy tests: records each CONNECT target
 * (`host:port`) in [targets] and pipes bytes both ways. [resolve] maps the requested host to the
 * one it connects to, so a test can use names no DNS knows. Close it to stop it.
 */
class ConnectProxy(private val resolve: (String) -> String = { it }) : AutoCloseable {
    private val server = ServerSocket(0, 50, InetAddress.getLoopbackAddress())
    val targets: MutableList<String> = Collections.synchronizedList(mutableListOf())
    val url: String get() = "http://127.0.0.1:${server.localPort}"

    init {
        thread(isDaemon = true, name = "test-connect-proxy") {
            while (!server.isClosed) {
                val client = runCatching { server.accept() }.getOrNull() ?: break
                thread(isDaemon = true, name = "test-connect-proxy-conn") { tunnel(client) }
            }
        }
    }

    private fun tunnel(client: Socket) = client.use {
        val head = readHead(client.getInputStream())
        val target = head.lineSequence().first().split(' ').getOrNull(1) ?: return
        targets += target
        val (host, port) = target.substringBeforeLast(':') to target.substringAfterLast(':').toInt()
        Socket(resolve(host), port).use { upstream ->
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".toByteArray())
            val back = thread(isDaemon = true) { pipe(upstream.getInputStream(), client.getOutputStream()) }
            pipe(client.getInputStream(), upstream.getOutputStream())
            back.join(1000)
        }
    }

    private fun readHead(input: InputStream): String {
        val out = StringBuilder()
        while (!out.endsWith("\r\n\r\n")) {
            val b = input.read()
            if (b < 0) break
            out.append(b.toChar())
        }
        return out.toString()
    }

    private fun pipe(from: InputStream, to: OutputStream) {
        runCatching { from.copyTo(to) }
        runCatching { to.close() }
    }

    override fun close() {
        server.close()
    }
}
