package io.github.cognitoemulator.autoconfigure.testapp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 client that writes exactly the bytes it is given: header values that are not ASCII, headers larger
 * than a server accepts, a body that does not match its content type. The JDK's client refuses to send most of what
 * a fuzz needs to.
 */
final class RawHttp {

    private RawHttp() {}

    /** How the body is delimited. */
    enum Framing {
        /** A {@code Content-Length} header. */
        CONTENT_LENGTH,
        /** {@code Transfer-Encoding: chunked}, in two chunks. */
        CHUNKED,
        /** {@code Transfer-Encoding: chunked} with a chunk size that is not hexadecimal. */
        MALFORMED_CHUNKS
    }

    /** Sends one request with a {@code Content-Length} on a new connection and reads the whole answer. */
    static Response post(int port, List<Map.Entry<String, String>> headers, byte[] body) throws IOException {
        return post(port, headers, body, Framing.CONTENT_LENGTH);
    }

    /**
     * Sends one request on a new connection and reads the whole answer.
     *
     * @param port the server's port on localhost
     * @param headers the request headers, in order, each a name and a value written as ISO-8859-1
     * @param body the request body
     * @param framing how the body is delimited
     */
    static Response post(int port, List<Map.Entry<String, String>> headers, byte[] body, Framing framing)
            throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream(body.length + 1024);
        request.writeBytes(latin1("POST / HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"));
        for (Map.Entry<String, String> header : headers) {
            request.writeBytes(latin1(header.getKey() + ": " + header.getValue() + "\r\n"));
        }
        switch (framing) {
            case CONTENT_LENGTH -> {
                request.writeBytes(latin1("Content-Length: " + body.length + "\r\n\r\n"));
                request.writeBytes(body);
            }
            case CHUNKED -> {
                request.writeBytes(latin1("Transfer-Encoding: chunked\r\n\r\n"));
                int half = body.length / 2;
                for (int[] chunk : new int[][] {{0, half}, {half, body.length}}) {
                    if (chunk[1] > chunk[0]) {
                        request.writeBytes(latin1(Integer.toHexString(chunk[1] - chunk[0]) + "\r\n"));
                        request.write(body, chunk[0], chunk[1] - chunk[0]);
                        request.writeBytes(latin1("\r\n"));
                    }
                }
                request.writeBytes(latin1("0\r\n\r\n"));
            }
            case MALFORMED_CHUNKS -> {
                request.writeBytes(latin1("Transfer-Encoding: chunked\r\n\r\nzz\r\n"));
                request.writeBytes(body);
                request.writeBytes(latin1("\r\n0\r\n\r\n"));
            }
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException ex) {
                // A server may answer and close before it has read a body it rejects; its answer is still there.
            }
            return read(socket.getInputStream());
        }
    }

    private static Response read(InputStream in) throws IOException {
        byte[] raw = in.readAllBytes();
        int start = 0;
        while (true) {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            if (end < 0) {
                throw new IOException("No complete HTTP response: " + new String(raw, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(raw, start, end - start, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
            if (status >= 200) {
                return response(raw, end, lines, status);
            }
            // An interim answer such as 100 Continue precedes the real one.
            start = end + 4;
        }
    }

    private static Response response(byte[] raw, int end, String[] lines, int status) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim();
            String value = lines[i].substring(colon + 1).trim();
            headers.merge(name, value, (first, second) -> first + ", " + second);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked"
                .equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", "").toLowerCase(Locale.ROOT))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (lineEnd < 0) {
                throw new IOException("Truncated chunked body");
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * An answer as it arrived.
     *
     * @param status the HTTP status
     * @param headers the headers, looked up by name in any case; a repeated header's values joined with commas
     * @param body the body, de-chunked
     */
    record Response(int status, Map<String, String> headers, byte[] body) {

        @Nullable
        String header(String name) {
            return this.headers.get(name);
        }
    }
}
