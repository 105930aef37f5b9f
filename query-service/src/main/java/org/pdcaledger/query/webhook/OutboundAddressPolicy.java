package org.pdcaledger.query.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Where webhooks may be sent: only {@code http}/{@code https} URLs whose host resolves to public addresses only,
 * so a subscription cannot make the service call into its own network (loopback, link-local including cloud
 * metadata at 169.254.169.254, private ranges, carrier-grade NAT, IPv6 unique-local, reserved and documentation
 * ranges). An administrator can allow exceptions by CIDR block, single address or exact host name.
 */
public class OutboundAddressPolicy {

    private static final List<Cidr> NON_PUBLIC = List.of(
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
            Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.0.0.0/24"), Cidr.parse("192.0.2.0/24"), Cidr.parse("192.88.99.0/24"),
            Cidr.parse("192.168.0.0/16"), Cidr.parse("198.18.0.0/15"), Cidr.parse("198.51.100.0/24"),
            Cidr.parse("203.0.113.0/24"), Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"),
            Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("64:ff9b:1::/48"), Cidr.parse("100::/64"),
            Cidr.parse("2001:db8::/32"), Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("fec0::/10"),
            Cidr.parse("ff00::/8"));
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final List<Cidr> allowedBlocks = new ArrayList<>();
    private final List<String> allowedNames = new ArrayList<>();
    private final Function<String, InetAddress[]> resolver;

    public OutboundAddressPolicy(List<String> allowList, Function<String, InetAddress[]> resolver) {
        this.resolver = resolver;
        for (String entry : allowList) {
            String trimmed = entry.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.contains("/") || Cidr.isLiteral(trimmed)) {
                allowedBlocks.add(Cidr.parse(trimmed.contains("/") ? trimmed : trimmed + (trimmed.contains(":")
                        ? "/128" : "/32")));
            } else {
                allowedNames.add(trimmed);
            }
        }
    }

    /** Resolves with the system resolver. */
    public static Function<String, InetAddress[]> systemResolver() {
        return host -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot resolve " + host, e);
            }
        };
    }

    /** Checks scheme and host of {@code url} and that every address its host resolves to may be called. */
    public void check(URI url) throws TargetRefusedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new TargetRefusedException("only http and https URLs are allowed");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new TargetRefusedException("the URL has no host");
        }
        if (url.getRawUserInfo() != null) {
            throw new TargetRefusedException("credentials in the URL are not allowed");
        }
        resolve(url.getHost());
    }

    /** The addresses of {@code host}, each of them allowed; throws when any is not. */
    public InetAddress[] resolve(String host) throws TargetRefusedException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.apply(name);
        } catch (IllegalArgumentException e) {
            throw new TargetRefusedException("the host " + host + " does not resolve");
        }
        if (allowedNames.contains(name)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (!allowed(address)) {
                throw new TargetRefusedException("the host " + host + " resolves to " + address.getHostAddress()
                        + ", which is not a public address; an administrator can allow it in "
                        + "pdca.webhooks.allowed-hosts");
            }
        }
        return addresses;
    }

    boolean allowed(InetAddress address) {
        for (Cidr block : allowedBlocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        if (effective.isAnyLocalAddress() || effective.isLoopbackAddress() || effective.isLinkLocalAddress()
                || effective.isSiteLocalAddress() || effective.isMulticastAddress()) {
            return false;
        }
        for (Cidr block : NON_PUBLIC) {
            if (block.contains(effective)) {
                return false;
            }
        }
        return true;
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 IPv6 address, else the address. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] bytes = address.getAddress();
        boolean mapped = allZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = allZero(bytes, 0, 12) && !allZero(bytes, 12, 16);
        boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && allZero(bytes, 4, 12);
        if (mapped || compatible && !(bytes[15] == 1 && allZero(bytes, 12, 15)) || nat64) {
            try {
                return Inet4Address.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A block of addresses in CIDR notation. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("not a CIDR block: " + text);
            }
            String literal = text.substring(0, slash);
            if (!isLiteral(literal)) {
                throw new IllegalArgumentException("not an IP address: " + literal);
            }
            try {
                byte[] network = InetAddress.getByName(literal).getAddress();
                int prefix = Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + literal, e);
            }
        }

        /** Whether {@code text} is an IPv4 or IPv6 literal (so that parsing it never asks DNS). */
        static boolean isLiteral(String text) {
            return text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || text.contains(":") && text.matches("[0-9a-f:.]+");
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
