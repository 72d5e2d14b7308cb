package dev.dbref.web.auth;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who sent a request when no token says it: the peer's address, or, when the peer is one of
 * {@code TRUSTED_PROXIES}, the last address in {@code X-Forwarded-For} that is not a trusted proxy.
 * From anyone else the header is ignored: a client could write any address in it.
 */
public final class ClientAddress {
    private final List<Block> trusted;

    private ClientAddress(List<Block> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** No proxy is trusted: the peer is the client. */
    public static final ClientAddress PEER_ONLY = new ClientAddress(List.of());

    /** @param list {@code TRUSTED_PROXIES}: comma-separated addresses and CIDR blocks */
    public static ClientAddress trusting(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                blocks.add(Block.parse(item.strip()));
            }
        }
        return new ClientAddress(blocks);
    }

    public String of(InetAddress peer, Optional<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer.getHostAddress();
        }
        String[] hops = forwardedFor.get().split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops[i].strip());
            if (hop.isEmpty()) {
                break;
            }
            if (!isTrusted(hop.get())) {
                return hop.get().getHostAddress();
            }
        }
        return peer.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** An address written as digits only: a name in the header is never looked up. */
    private static Optional<InetAddress> literal(String text) {
        if (text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Block(BigInteger network, int prefix, int bits) {
        static Block parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(() ->
                    new IllegalArgumentException("TRUSTED_PROXIES holds " + text + ", which is no address or CIDR block"));
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("TRUSTED_PROXIES holds " + text + ", whose prefix is no number");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("TRUSTED_PROXIES holds " + text + ", whose prefix is out of range");
            }
            return new Block(masked(address, prefix, bits), prefix, bits);
        }

        boolean contains(InetAddress address) {
            int length = address.getAddress().length * 8;
            return length == bits && masked(address, prefix, bits).equals(network);
        }

        private static BigInteger masked(InetAddress address, int prefix, int bits) {
            BigInteger value = new BigInteger(1, address.getAddress());
            return value.shiftRight(bits - prefix);
        }
    }
}
