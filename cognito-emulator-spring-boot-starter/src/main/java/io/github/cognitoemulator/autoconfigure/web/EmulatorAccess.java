package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.CognitoEmulatorIssuer;
import io.github.cognitoemulator.autoconfigure.CognitoEmulatorProperties;
import io.github.cognitoemulator.core.CognitoEmulator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Who may reach the emulator's endpoints over HTTP, and how much of a request body a Cognito call may have.
 *
 * <p>By default only callers on this machine (a loopback address: 127.0.0.0/8 or ::1) are answered, as Spring Boot's
 * H2 console does: a developer's emulator takes administrative calls from any credentials and its inbox shows codes
 * and temporary passwords in clear, so no other host of the network is let in unless configured. A caller whose
 * address is unknown is not on this machine as far as anyone can tell, so it is refused too.
 *
 * @param remoteCallersAllowed whether callers on other hosts are answered too
 * @param secretsByAccessKeyId the secret of each access key whose SigV4 signatures administrative calls must carry;
 *     empty when signatures are not checked
 * @param maxRequestBytes the longest body of a Cognito API call that is read
 */
public record EmulatorAccess(
        boolean remoteCallersAllowed, Map<String, String> secretsByAccessKeyId, int maxRequestBytes) {

    /** Cognito's request-size limit of its largest calls (CreateManagedLoginBranding): 2 MB. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;

    public EmulatorAccess {
        secretsByAccessKeyId = Map.copyOf(secretsByAccessKeyId);
        if (maxRequestBytes < 1 || maxRequestBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'maxRequestBytes' must be positive but was " + maxRequestBytes);
        }
    }

    /** Callers on this machine only, signatures unchecked, Cognito's request size. */
    public static EmulatorAccess loopbackOnly() {
        return new EmulatorAccess(false, Map.of(), DEFAULT_MAX_REQUEST_BYTES);
    }

    /** The access configured by {@code cognito.emulator.*}. */
    public static EmulatorAccess of(CognitoEmulatorProperties properties) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (CognitoEmulatorProperties.AccessKey key : properties.remoteAccess().accessKeys()) {
            if (secrets.putIfAbsent(key.id(), key.secret()) != null) {
                throw new IllegalArgumentException("Access key '" + key.id() + "' is configured twice");
            }
        }
        return new EmulatorAccess(
                properties.remoteAccess().allowed(),
                secrets,
                Math.toIntExact(properties.maxRequestSize().toBytes()));
    }

    /** Whether administrative calls must carry a valid signature of one of the configured access keys. */
    public boolean checksSignatures() {
        return !this.secretsByAccessKeyId.isEmpty();
    }

    /** Whether the caller may use Cognito's API, documents and managed login. */
    public boolean admits(@Nullable InetAddress caller) {
        return this.remoteCallersAllowed || isLoopback(caller);
    }

    /**
     * Whether the caller may read the developer pages, such as the inbox with codes and temporary passwords: callers on
     * this machine always, others only on a trusted network, where remote callers are allowed without access keys.
     * Once administrative calls need a signature, the codes they would protect are not handed to just anyone.
     */
    public boolean admitsToDeveloperPages(@Nullable InetAddress caller) {
        return isLoopback(caller) || (this.remoteCallersAllowed && !checksSignatures());
    }

    /** Whether {@code address} is this machine's loopback address (127.0.0.0/8, ::1, or ::ffff:127.x.y.z). */
    static boolean isLoopback(@Nullable InetAddress address) {
        return address != null && address.isLoopbackAddress();
    }

    /**
     * The address a servlet container reports ({@link jakarta.servlet.ServletRequest#getRemoteAddr()}), or
     * {@code null} when it is not an IP address literal; a host name is never looked up.
     */
    static @Nullable InetAddress parseLiteral(@Nullable String address) {
        if (address == null) {
            return null;
        }
        String literal = address;
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        try {
            if (literal.indexOf(':') >= 0) {
                // Hexadecimal digits, colons and dots, starting with a digit or a colon: the JDK parses such a host as
                // an IPv6 literal and fails rather than look it up.
                return isIpv6Literal(literal) ? InetAddress.getByName(literal) : null;
            }
            byte[] ipv4 = ipv4(literal);
            return (ipv4 != null) ? InetAddress.getByAddress(ipv4) : null;
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    private static boolean isIpv6Literal(String address) {
        return (Character.digit(address.charAt(0), 16) >= 0 || address.charAt(0) == ':')
                && address.chars().allMatch((c) -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    }

    /** The four bytes of a dotted-quad IPv4 address, or {@code null}. */
    private static byte @Nullable [] ipv4(String address) {
        String[] parts = address.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch((c) -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** Cognito's JSON 1.1 endpoint with this body limit, checking signatures when access keys are configured. */
    EmulatorHttp.Endpoint jsonProtocol(CognitoEmulator emulator, String path, CognitoEmulatorIssuer issuer) {
        SignatureV4Verifier verifier =
                checksSignatures() ? new SignatureV4Verifier(this.secretsByAccessKeyId, emulator.clock()) : null;
        return new JsonProtocolEndpoint(emulator, path, issuer, this.maxRequestBytes, verifier);
    }

    /** An endpoint of Cognito's (API, documents, managed login), answered to the callers {@link #admits} lets in. */
    EmulatorHttp.Endpoint api(EmulatorHttp.Endpoint endpoint, Supplier<EmulatorHttp.Response> refusal) {
        return guard(endpoint, this::admits, refusal);
    }

    /** A developer page, answered to the callers {@link #admitsToDeveloperPages} lets in. */
    EmulatorHttp.Endpoint developerPage(EmulatorHttp.Endpoint endpoint) {
        return guard(endpoint, this::admitsToDeveloperPages, EmulatorAccess::forbidden);
    }

    /** {@code endpoint}, answered only to the callers {@code admits} lets in; the others get {@code refusal}. */
    static EmulatorHttp.Endpoint guard(
            EmulatorHttp.Endpoint endpoint,
            Predicate<@Nullable InetAddress> admits,
            Supplier<EmulatorHttp.Response> refusal) {
        Objects.requireNonNull(endpoint, "'endpoint' must not be null");
        return (request) -> {
            EmulatorHttp.Route route = endpoint.route(request);
            if (route instanceof EmulatorHttp.Handle && !admits.test(request.remoteAddress())) {
                // Refused before its body is read.
                return EmulatorHttp.Handle.withoutBody(refusal);
            }
            return route;
        };
    }

    /** The plain refusal of a request to one of the emulator's pages from a caller it does not answer. */
    static EmulatorHttp.Response forbidden() {
        return new EmulatorHttp.Response(
                403,
                Map.of("Content-Type", "text/plain;charset=UTF-8", "Cache-Control", "no-store"),
                REFUSAL.getBytes(StandardCharsets.UTF_8));
    }

    /** Why a remote caller is refused, and what lets it in. */
    static final String REFUSAL = "The Cognito emulator answers callers on this machine only. Set"
            + " cognito.emulator.remote-access.allowed=true to let other hosts in.";
}
