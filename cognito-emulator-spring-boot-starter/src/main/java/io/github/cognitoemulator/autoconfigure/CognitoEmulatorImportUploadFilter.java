package io.github.cognitoemulator.autoconfigure;

import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.userimport.UploadOutcome;
import io.github.cognitoemulator.core.userimport.UserImportActions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the CSV file of a user import job, uploaded with an HTTP {@code PUT} to the job's {@code PreSignedUrl}
 * ({@code <emulator path>/_emulator/user-import/<job id>}), and answers the way S3 answers such an upload: 200 with an
 * empty body, or an S3 error document. Other requests pass through untouched.
 */
public final class CognitoEmulatorImportUploadFilter extends OncePerRequestFilter {

    private static final Pattern JOB_ID = Pattern.compile("import-[0-9a-zA-Z-]+");

    private final CognitoEmulator emulator;

    private final String uploadPath;

    /**
     * @param emulator the emulator whose import jobs take the files
     * @param path the emulator's path within the application; must start with {@code /}
     */
    public CognitoEmulatorImportUploadFilter(CognitoEmulator emulator, String path) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("'path' must start with '/' but was '" + path + "'");
        }
        this.uploadPath = EmulatorRequests.stripTrailingSlashes(path) + UserImportActions.UPLOAD_PATH;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = EmulatorRequests.pathWithinApplication(request);
        if (!"PUT".equals(request.getMethod()) || !path.startsWith(this.uploadPath)) {
            chain.doFilter(request, response);
            return;
        }
        Matcher jobId = JOB_ID.matcher(path.substring(this.uploadPath.length()));
        if (!jobId.matches()) {
            error(response, HttpServletResponse.SC_NOT_FOUND, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        UploadOutcome outcome;
        if (request.getContentLengthLong() > UserImportActions.MAX_FILE_BYTES) {
            outcome = UploadOutcome.TOO_LARGE;
        } else {
            // One byte more than allowed tells a file over the limit apart without reading all of it.
            byte[] csv = request.getInputStream().readNBytes(UserImportActions.MAX_FILE_BYTES + 1);
            outcome = this.emulator.acceptImportCsv(jobId.group(), csv);
        }
        switch (outcome) {
            case ACCEPTED -> response.setStatus(HttpServletResponse.SC_OK);
            case NO_SUCH_JOB ->
                error(response, HttpServletResponse.SC_NOT_FOUND, "NoSuchKey", "The specified key does not exist.");
            case JOB_STARTED ->
                error(response, HttpServletResponse.SC_FORBIDDEN, "AccessDenied", "Request has expired");
            default ->
                error(
                        response,
                        HttpServletResponse.SC_BAD_REQUEST,
                        "EntityTooLarge",
                        "Your proposed upload exceeds the maximum allowed size");
        }
    }

    private static void error(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/xml");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
