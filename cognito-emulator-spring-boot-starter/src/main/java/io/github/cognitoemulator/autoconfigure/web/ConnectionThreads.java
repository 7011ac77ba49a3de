package io.github.cognitoemulator.autoconfigure.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.ClassUtils;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The thread a reactive answer is written from. The emulator computes its answers on the bounded elastic scheduler,
 * off the event loop, since they may reach a JDBC store; on Reactor Netty the answer is then written from the
 * connection's event loop, as WebFlux writes its own, because a response completed from another thread can leave the
 * next request of a kept-alive connection waiting for a body that never comes. Other servers take writes from any
 * thread.
 */
final class ConnectionThreads {

    private static final boolean REACTOR_NETTY_PRESENT =
            ClassUtils.isPresent("reactor.netty.Connection", ConnectionThreads.class.getClassLoader());

    private ConnectionThreads() {}

    /** Where to write {@code response} from: its connection's event loop on Reactor Netty, else where it is. */
    static Scheduler writerOf(ServerHttpResponse response) {
        if (REACTOR_NETTY_PRESENT) {
            Scheduler eventLoop = ReactorNetty.eventLoopOf(response);
            if (eventLoop != null) {
                return eventLoop;
            }
        }
        return Schedulers.immediate();
    }

    /** Kept apart so that nothing of Reactor Netty is loaded on other servers. */
    private static final class ReactorNetty {

        static @Nullable Scheduler eventLoopOf(ServerHttpResponse response) {
            Object nativeResponse;
            try {
                nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
            } catch (IllegalArgumentException | IllegalStateException noNativeResponse) {
                // Not a server's response (a decorator of something else, or a mock): written where it is.
                return null;
            }
            return (nativeResponse instanceof Connection connection)
                    ? Schedulers.fromExecutor(connection.channel().eventLoop())
                    : null;
        }
    }
}
