package io.kubekt.transport

import java.net.InetAddress
import java.net.Socket
import javax.net.ssl.SNIHostName
import javax.net.ssl.SSLSocket
import javax.net.ssl.SSLSocketFactory

/** Wraps an [SSLSocketFactory] so every socket sends [serverName] as SNI (kubeconfig `tls-server-name`). */
internal class ServerNameSocketFactory(
    private val delegate: SSLSocketFactory,
    private val serverName: String?,
) : SSLSocketFactory() {
    override fun getDefaultCipherSuites(): Array<String> = delegate.defaultCipherSuites
    override fun getSupportedCipherSuites(): Array<String> = delegate.supportedCipherSuites

    override fun createSocket(s: Socket?, host: String?, port: Int, autoClose: Boolean): Socket =
        named(delegate.createSocket(s, host, port, autoClose))

    override fun createSocket(): Socket = named(delegate.createSocket())
    override fun createSocket(host: String?, port: Int): Socket = named(delegate.createSocket(host, port))
    override fun createSocket(host: String?, port: Int, localHost: InetAddress?, localPort: Int): Socket =
        named(delegate.createSocket(host, port, localHost, localPort))
    override fun createSocket(host: InetAddress?, port: Int): Socket = named(delegate.createSocket(host, port))
    override fun createSocket(address: InetAddress?, port: Int, localAddress: InetAddress?, localPort: Int): Socket =
        named(delegate.createSocket(address, port, localAddress, localPort))

    private fun named(socket: Socket): Socket {
        val name = serverName ?: return socket
        if (socket is SSLSocket && ProxyRules.literalAddress(name) == null) {
            socket.sslParameters = socket.sslParameters.apply { serverNames = listOf(SNIHostName(name)) }
        }
        return socket
    }
}
