package io.github.cognitoemulator.autoconfigure.scenario;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How a test calls the host applications as if from another host: the applications' test filter gives a request
 * with {@link #HEADER} that address as its remote address. Only the address is made up; the request itself goes to
 * localhost, so no traffic leaves this machine.
 */
public final class RemoteCaller {

    /** The header that names the address a request is to come from. */
    public static final String HEADER = "X-Test-Remote-Address";

    /** An address of another host (TEST-NET-3, reserved for documentation). */
    public static final String OTHER_HOST = "203.0.113.9";

    private RemoteCaller() {}

    /** The address of an IP literal. */
    public static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException ex) {
            throw new IllegalArgumentException(literal, ex);
        }
    }
}
