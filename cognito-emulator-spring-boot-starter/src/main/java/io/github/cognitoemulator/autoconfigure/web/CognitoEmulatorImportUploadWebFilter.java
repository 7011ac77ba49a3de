package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.core.CognitoEmulator;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes the CSV file of a user import job in a reactive (WebFlux) application, as
 * {@link CognitoEmulatorImportUploadFilter} does in a servlet one: a {@code PUT} to the job's {@code PreSignedUrl},
 * answered as S3 answers. The file is gathered without blocking and never beyond the 100 MiB Cognito allows; it runs
 * at {@link CognitoJsonProtocolWebFilter#ORDER}, ahead of Spring Security, since the upload carries no credentials
 * the application knows.
 */
public final class CognitoEmulatorImportUploadWebFilter implements WebFilter, Ordered {

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * @param emulator the emulator whose import jobs take the files
     * @param path the emulator's documents path within the application's base path; must start with {@code /}
     */
    public CognitoEmulatorImportUploadWebFilter(CognitoEmulator emulator, String path) {
        this(emulator, path, EmulatorAccess.loopbackOnly());
    }

    /**
     * A filter that answers only the callers {@code access} lets in; the others are
     * refused without their bodies being read.
     *
     * @param emulator the emulator that answers
     * @param path as for the constructor without {@code access}
     * @param access who may reach the emulator
     */
    public CognitoEmulatorImportUploadWebFilter(CognitoEmulator emulator, String path, EmulatorAccess access) {
        this.endpoint = access.api(new ImportUploadEndpoint(emulator, path), EmulatorAccess::forbidden);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveEndpointAdapter.serve(this.endpoint, exchange, chain);
    }

    @Override
    public int getOrder() {
        return CognitoJsonProtocolWebFilter.ORDER;
    }
}
