package org.lakepg.wire.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Framing of the byte stream, fed through Netty's in-memory channel in arbitrary pieces. */
class FrontendDecoderTest {
    private final FrontendDecoder decoder = new FrontendDecoder(1 << 20);
    private final EmbeddedChannel channel = new EmbeddedChannel(decoder);

    @Test
    void startupPacketDeliveredOneByteAtATime() {
        for (byte b : startup("user\0alice\0database\0db\0options\0-c a=b\0\0")) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        FrontendMessage.Startup startup = channel.readInbound();
        assertThat(startup.major()).isEqualTo(3);
        assertThat(startup.minor()).isZero();
        assertThat(startup.parameters()).containsEntry("user", "alice").containsEntry("database", "db")
                .containsEntry("options", "-c a=b");
    }

    @Test
    void typedMessagesBeforeAuthenticationAreAuthenticationResponsesAndCanBeReinterpreted() {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(startup("user\0u\0\0"), hex("70000000067077"),
                hex("510000000d73656c656374203100"))));
        assertThat(next()).isInstanceOf(FrontendMessage.Startup.class);
        FrontendMessage.AuthenticationResponse password = channel.readInbound();
        assertThat(password.type()).isEqualTo((byte) 'p');
        assertThat(new String(password.body(), StandardCharsets.UTF_8)).isEqualTo("pw");
        FrontendMessage.AuthenticationResponse early = channel.readInbound();
        assertThat(decoder.reinterpret(early)).isEqualTo(new FrontendMessage.Query("select 1"));
    }

    @Test
    void afterAuthenticationMessagesAreDecodedAndCheckedLikePostgres() {
        authenticate();
        channel.writeInbound(Unpooled.wrappedBuffer(concat(
                hex("510000000d73656c656374203100"),          // Query "select 1"
                hex("5100000007616263"),                      // Query without terminator
                hex("450000000b7a7a000000000a"),              // Execute "zz" maxRows 10
                hex("5300000004"))));                         // Sync
        assertThat(next()).isEqualTo(new FrontendMessage.Query("select 1"));
        FrontendMessage.Malformed malformed = channel.readInbound();
        assertThat(malformed.error().getMessage()).isEqualTo("invalid string in message");
        assertThat(malformed.error().sqlState().code()).isEqualTo("08P01");
        assertThat(next()).isEqualTo(new FrontendMessage.Execute("zz", 10));
        assertThat(next()).isInstanceOf(FrontendMessage.Sync.class);
    }

    @Test
    void functionCallCarriesTheFunctionItsArgumentsAndTheResultFormat() {
        authenticate();
        // lo_open (952) of oid 16385 with INV_READ, both binary, a NULL third argument, binary result
        channel.writeInbound(Unpooled.wrappedBuffer(hex(
                "4600000024000003b800010001000300000004000040010000000400040000ffffffff0001")));
        FrontendMessage.FunctionCall call = channel.readInbound();
        assertThat(call.functionOid()).isEqualTo(952);
        assertThat(call.argumentFormats()).containsExactly((short) 1);
        assertThat(call.arguments()).hasSize(3);
        assertThat(call.arguments().get(0)).containsExactly(0, 0, 0x40, 0x01);
        assertThat(call.arguments().get(1)).containsExactly(0, 4, 0, 0);
        assertThat(call.arguments().get(2)).isNull();
        assertThat(call.resultFormat()).isEqualTo((short) 1);
    }

    @Test
    void unknownTypeIsFatalAndTheRestIsDiscarded() {
        authenticate();
        channel.writeInbound(Unpooled.wrappedBuffer(concat(hex("7900000004"), hex("5300000004"))));
        FrontendMessage.Fatal fatal = channel.readInbound();
        assertThat(fatal.error().getMessage()).isEqualTo("invalid frontend message type 121");
        assertThat(next()).isNull();
    }

    @Test
    void badLengthsCloseSilently() {
        authenticate();
        channel.writeInbound(Unpooled.wrappedBuffer(hex("5300002711"))); // Sync of 10001 bytes
        FrontendMessage.Fatal fatal = channel.readInbound();
        assertThat(fatal.error()).isNull();
    }

    @Test
    void sslRequestOnceThenAStartupThenASecondSslRequestIsAnUnknownProtocol() {
        channel.writeInbound(Unpooled.wrappedBuffer(hex("0000000804d2162f")));
        assertThat(next()).isInstanceOf(FrontendMessage.SslRequest.class);
        channel.writeInbound(Unpooled.wrappedBuffer(hex("0000000804d2162f")));
        FrontendMessage.Fatal fatal = channel.readInbound();
        assertThat(fatal.error().getMessage()).isEqualTo("unsupported frontend protocol 1234.5679: server supports 3.0 to 3.0");
    }

    @Test
    void bytesBehindSslRequestAreRefused() {
        channel.writeInbound(Unpooled.wrappedBuffer(concat(hex("0000000804d2162f"), startup("user\0u\0\0"))));
        FrontendMessage.Fatal fatal = channel.readInbound();
        assertThat(fatal.error().getMessage()).isEqualTo("received unencrypted data after SSL request");
    }

    @Test
    void cancelRequestIsTheLastThingRead() {
        channel.writeInbound(Unpooled.wrappedBuffer(hex("0000001004d2162e0000007b000001c8")));
        assertThat(next()).isEqualTo(new FrontendMessage.CancelRequest(123, 456));
        assertThat(next()).isInstanceOf(FrontendMessage.Fatal.class);
    }

    private FrontendMessage next() {
        return channel.readInbound();
    }

    private void authenticate() {
        channel.writeInbound(Unpooled.wrappedBuffer(startup("user\0u\0\0")));
        assertThat(next()).isInstanceOf(FrontendMessage.Startup.class);
        decoder.authenticated();
    }

    private static byte[] startup(String parameters) {
        byte[] body = parameters.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).putInt(StartupCodes.PROTOCOL_3_0).put(body).array();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
