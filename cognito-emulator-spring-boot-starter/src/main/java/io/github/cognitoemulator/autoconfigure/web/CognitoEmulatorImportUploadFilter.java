package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.core.CognitoEmulator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the CSV file of a user import job, uploaded with an HTTP {@code PUT} to the job's {@code PreSignedUrl}
 * ({@code <documents path>/_emulator/user-import/<job id>}, under the issuer's base URL), and answers the way S3 answers such an upload: 200 with an
 * empty body, or an S3 error document. Other requests pass through untouched.
 */
public final class CognitoEmulatorImportUploadFilter extends OncePerRequestFilter {

    private final EmulatorHttp.Endpoint endpoint;

    /**
     * @param emulator the emulator whose import jobs take the files
     * @param path the emulator's documents path within the application; must start with {@code /}
     */
    public CognitoEmulatorImportUploadFilter(CognitoEmulator emulator, String path) {
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
    public CognitoEmulatorImportUploadFilter(CognitoEmulator emulator, String path, EmulatorAccess access) {
        this.endpoint = access.api(new ImportUploadEndpoint(emulator, path), EmulatorAccess::forbidden);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletEndpointAdapter.serve(this.endpoint, request, response, chain);
    }
}
