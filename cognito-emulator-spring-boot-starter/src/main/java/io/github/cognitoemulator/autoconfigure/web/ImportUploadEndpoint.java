package io.github.cognitoemulator.autoconfigure.web;

import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Handle;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Pass;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Request;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Response;
import io.github.cognitoemulator.autoconfigure.web.EmulatorHttp.Route;
import io.github.cognitoemulator.core.CognitoEmulator;
import io.github.cognitoemulator.core.userimport.UploadOutcome;
import io.github.cognitoemulator.core.userimport.UserImportActions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV file of a user import job, uploaded with an HTTP {@code PUT} to the job's {@code PreSignedUrl}
 * ({@code <emulator path>/_emulator/user-import/<job id>}), answered the way S3 answers such an upload: 200 with an
 * empty body, or an S3 error document.
 */
final class ImportUploadEndpoint implements EmulatorHttp.Endpoint {

    private static final Pattern JOB_ID = Pattern.compile("import-[0-9a-zA-Z-]+");

    private final CognitoEmulator emulator;

    private final String uploadPath;

    ImportUploadEndpoint(CognitoEmulator emulator, String path) {
        this.emulator = Objects.requireNonNull(emulator, "'emulator' must not be null");
        this.uploadPath = EmulatorHttp.basePath(path) + UserImportActions.UPLOAD_PATH;
    }

    @Override
    public Route route(Request request) {
        String path = request.path();
        if (!"PUT".equals(request.method()) || !path.startsWith(this.uploadPath)) {
            return Pass.INSTANCE;
        }
        Matcher jobId = JOB_ID.matcher(path.substring(this.uploadPath.length()));
        if (!jobId.matches()) {
            return Handle.withoutBody(ImportUploadEndpoint::noSuchKey);
        }
        if (request.contentLength() > UserImportActions.MAX_FILE_BYTES) {
            // Refused on its declared length alone, without reading any of it.
            return Handle.withoutBody(ImportUploadEndpoint::tooLarge);
        }
        String job = jobId.group();
        return new Handle(
                UserImportActions.MAX_FILE_BYTES,
                (csv) -> answer(this.emulator.acceptImportCsv(job, csv)),
                ImportUploadEndpoint::tooLarge);
    }

    private static Response answer(UploadOutcome outcome) {
        switch (outcome) {
            case ACCEPTED:
                return new Response(200, Map.of(), new byte[0]);
            case NO_SUCH_JOB:
                return noSuchKey();
            case JOB_STARTED:
                return error(403, "AccessDenied", "Request has expired");
            default:
                return tooLarge();
        }
    }

    private static Response noSuchKey() {
        return error(404, "NoSuchKey", "The specified key does not exist.");
    }

    private static Response tooLarge() {
        return error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
    }

    private static Response error(int status, String code, String message) {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        return new Response(status, Map.of("Content-Type", "application/xml"), body);
    }
}
