package vnkg.neo4j;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;

import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.connection.listener.ConnectionListener;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;

/**
 * Refuses HTTP on the Bolt port, and with it Bolt over WebSocket. Neo4j 5.26 has no setting for
 * this: {@code TransportSelectionHandler} switches any connection whose first bytes are "GET" to
 * a WebSocket handshake (Netty's WebSocketServerProtocolHandler, no Origin check) or answers it
 * with the discovery document, and {@code BoltChannelInitializer} always installs it. A web page
 * in a local browser could therefore talk Bolt to 127.0.0.1. Nothing of vnkg needs WebSocket, so a
 * handler put in front of the pipeline answers a first byte of 'G' with 403 and closes; Bolt
 * (preamble 0x6060B017) and TLS (0x16) start otherwise and pass untouched.
 *
 * <p>Web clients (Neo4j Browser, Bloom, Workspace: JavaScript in a browser) can only speak Bolt
 * over WebSocket; {@code -Dvnkg.neo4j.allowWebSocket=true} leaves the port open to them (they
 * still need a password).
 *
 * <p>Internal Neo4j API (pinned to the version in pom.xml); see {@link HardenedEdition}.
 */
final class NoHttpOnBolt {
    /** True when the guard is not wanted: -Dvnkg.neo4j.allowWebSocket=true. */
    static final boolean DISABLED = Boolean.getBoolean("vnkg.neo4j.allowWebSocket");

    private static final byte FIRST_BYTE_OF_GET = 'G';
    private static final String BODY = "HTTP and WebSocket are disabled on this Bolt port.\n";
    private static final byte[] FORBIDDEN = ("HTTP/1.1 403 Forbidden\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + BODY.length() + "\r\n"
            + "Connection: close\r\n\r\n"
            + BODY).getBytes(StandardCharsets.US_ASCII);

    private NoHttpOnBolt() {}

    /** Installs the guard on every connector of `bolt`; call before the connectors start accepting. */
    static int install(BoltServer bolt) {
        ConnectorListener perConnection = new ConnectorListener() {
            @Override
            public void onConnectionCreated(Connection connection) {
                connection.registerListener(new ConnectionListener() {
                    @Override
                    public void onNetworkPipelineInitialized(ChannelPipeline pipeline) {
                        pipeline.addFirst("vnkgNoHttpOnBolt", new Guard());
                    }
                });
            }
        };
        int count = 0;
        for (Connector<?> connector : bolt.getConnectors()) {
            connector.registerListener(perConnection);
            count++;
        }
        return count;
    }

    /** Looks at the first byte of the connection only, then steps out of the pipeline. */
    private static final class Guard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf && buf.isReadable()) {
                if (buf.getByte(buf.readerIndex()) == FIRST_BYTE_OF_GET) {
                    buf.release();
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(FORBIDDEN)).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
                ctx.pipeline().remove(this);
            }
            ctx.fireChannelRead(msg);
        }
    }
}
