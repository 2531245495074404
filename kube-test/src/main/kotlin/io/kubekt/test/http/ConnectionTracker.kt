package io.kubekt.test.http

import io.netty.channel.Channel
import io.netty.channel.ChannelHandler
import io.netty.channel.ChannelHandlerContext
import io.netty.channel.ChannelInboundHandlerAdapter
import io.netty.handler.ssl.SslHandler
import java.util.concurrent.ConcurrentHashMap

/**
 * Sits on the listening socket: records each accepted connection (so a restart can close them
 * all) and, over TLS, asks for a client certificate without requiring one, as kube-apiserver does
 * (Ktor's connector would require it whenever a trust store is set).
 */
@ChannelHandler.Sharable
internal class ConnectionTracker(private val wantClientCertificates: Boolean) : ChannelInboundHandlerAdapter() {
    private val open: MutableSet<Channel> = ConcurrentHashMap.newKeySet()

    override fun channelRead(ctx: ChannelHandlerContext, msg: Any) {
        if (msg is Channel) {
            open += msg
            msg.closeFuture().addListener { open -= msg }
            if (wantClientCertificates) msg.pipeline().addFirst("kube-test-client-auth", ClientAuthTuner)
        }
        ctx.fireChannelRead(msg)
    }

    /** Closes every accepted connection and waits (up to 2 s each) until they are closed. */
    fun closeAll() {
        open.toList().map { it.close() }.forEach { it.awaitUninterruptibly(2_000) }
    }

    fun openConnections(): Int = open.size

    @ChannelHandler.Sharable
    private object ClientAuthTuner : ChannelInboundHandlerAdapter() {
        override fun channelRegistered(ctx: ChannelHandlerContext) {
            ctx.pipeline().get(SslHandler::class.java)?.engine()?.wantClientAuth = true
            ctx.pipeline().remove(this)
            ctx.fireChannelRegistered()
        }
    }
}
