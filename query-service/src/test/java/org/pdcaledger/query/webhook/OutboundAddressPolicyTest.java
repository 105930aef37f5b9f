package org.pdcaledger.query.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class OutboundAddressPolicyTest {

    /** A resolver that never asks DNS: literals parse, names come from a fixed table. */
    private static Function<String, InetAddress[]> names(Map<String, String> table) {
        return host -> {
            try {
                String address = table.getOrDefault(host, host);
                if (!OutboundAddressPolicy.Cidr.isLiteral(address)) {
                    throw new IllegalArgumentException("unknown " + host);
                }
                return new InetAddress[] {InetAddress.getByName(address)};
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        };
    }

    private static final Function<String, InetAddress[]> DNS = names(Map.of(
            "hooks.example.org", "93.184.216.34",
            "rebound.example.org", "10.0.0.7",
            "metadata.example.org", "169.254.169.254",
            "hooks.internal", "10.20.30.40"));

    @Test
    void publicAddresses_areAllowed() {
        OutboundAddressPolicy policy = new OutboundAddressPolicy(List.of(), DNS);

        assertThatCode(() -> policy.check(URI.create("https://hooks.example.org/pdca"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://8.8.8.8:8080/"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("https://[2606:4700::1111]/"))).doesNotThrowAnyException();
    }

    @Test
    void loopbackLinkLocalPrivateAndReservedAddresses_areRefused_withoutAnAllowList() {
        OutboundAddressPolicy policy = new OutboundAddressPolicy(List.of(), DNS);

        for (String url : List.of("http://127.0.0.1/", "http://localhost.test/", "http://[::1]/",
                "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::a00:1]/", "http://10.0.0.1/", "http://172.31.255.1/",
                "http://192.168.10.10/", "http://100.64.0.1/", "http://169.254.169.254/", "http://[fe80::1]/",
                "http://[fd12:3456::1]/", "http://0.0.0.0/", "http://224.0.0.1/", "http://198.18.0.1/",
                "https://rebound.example.org/", "https://metadata.example.org/", "gopher://hooks.example.org/",
                "http://user:secret@hooks.example.org/")) {
            assertThatThrownBy(() -> policy.check(URI.create(url))).as(url)
                    .isInstanceOf(TargetRefusedException.class);
        }
    }

    @Test
    void anAllowList_permitsCidrBlocksAddressesAndExactHostNames_only() throws Exception {
        OutboundAddressPolicy policy = new OutboundAddressPolicy(
                List.of("127.0.0.0/8", "10.20.0.0/16", "192.168.1.5", "hooks.internal"), DNS);

        assertThatCode(() -> policy.check(URI.create("http://127.0.0.1:9000/"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://10.20.1.1/"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://192.168.1.5/"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://hooks.internal/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(URI.create("http://192.168.1.6/")))
                .isInstanceOf(TargetRefusedException.class);
        assertThatThrownBy(() -> policy.check(URI.create("http://10.21.0.1/")))
                .isInstanceOf(TargetRefusedException.class);
        assertThatThrownBy(() -> policy.resolve("rebound.example.org"))
                .isInstanceOf(TargetRefusedException.class)
                .hasMessageContaining("10.0.0.7");
    }
}
