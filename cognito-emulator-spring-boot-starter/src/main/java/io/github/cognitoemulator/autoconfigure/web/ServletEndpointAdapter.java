package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Handle;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Response;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Route;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/** Carries a servlet request to an {@link EmulatorHttp.Endpoint} and its answer back. */
final class ServletEndpointAdapter {

    private ServletEndpointAdapter() {}

    static void serve(
            EmulatorHttp.Endpoint endpoint, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Route route = endpoint.route(new EmulatorHttp.Request(
                request.getMethod(),
                pathWithinApplication(request),
                EmulatorHttp.Headers.of(
                        () -> Collections.list(request.getHeaderNames()),
                        (name) -> Collections.list(request.getHeaders(name))),
                request::getParameter,
                request.getContentLengthLong(),
                request.getQueryString(),
                request.getRequestURI(),
                EmulatorAccess.parseLiteral(request.getRemoteAddr())));
        if (!(route instanceof Handle handle)) {
            chain.doFilter(request, response);
            return;
        }
        write(answer(handle, request), response);
        // Out at once: a body refused unread (too long, or from a caller not let in) is then not waited for before the
        // caller has its answer, though the container may still read it to keep the connection.
        response.flushBuffer();
    }

    private static boolean isBodyLeftUnread(Handle handle, HttpServletRequest request) {
        return handle.bodyLimit() > 0 && request.getContentLengthLong() > handle.bodyLimit();
    }

    /** The request path within the servlet context. */
    static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static Response answer(Handle handle, HttpServletRequest request) throws IOException {
        if (handle.bodyLimit() == 0) {
            return handle.answer().apply(new byte[0]);
        }
        if (isBodyLeftUnread(handle, request)) {
            // Refused on its declared length alone, none of it read.
            return handle.overLimit().get();
        }
        // Whatever the content type claims, the body is read as bytes, never as parameters; one byte more than the
        // limit tells a body over it apart without reading all of it.
        byte[] body = request.getInputStream().readNBytes(handle.bodyLimit() + 1);
        return (body.length > handle.bodyLimit())
                ? handle.overLimit().get()
                : handle.answer().apply(body);
    }

    private static void write(Response answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.writeHeaders(response::setHeader, response::addHeader);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
