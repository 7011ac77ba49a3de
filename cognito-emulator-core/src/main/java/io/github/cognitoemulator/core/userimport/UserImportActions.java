package io.github.cognitoemulator.core.userimport;

import io.github.cognitoemulator.core.error.CognitoException;
import io.github.cognitoemulator.core.error.ErrorType;
import io.github.cognitoemulator.core.error.Errors;
import io.github.cognitoemulator.core.pool.PoolStore;
import io.github.cognitoemulator.core.pool.SchemaAttribute;
import io.github.cognitoemulator.core.pool.UserPool;
import io.github.cognitoemulator.core.protocol.ActionFamily;
import io.github.cognitoemulator.core.protocol.ActionRegistry;
import io.github.cognitoemulator.core.protocol.IntShape;
import io.github.cognitoemulator.core.protocol.RequestContext;
import io.github.cognitoemulator.core.protocol.RequestReader;
import io.github.cognitoemulator.core.protocol.Shapes;
import io.github.cognitoemulator.core.protocol.StringShape;
import io.github.cognitoemulator.core.store.Resource;
import io.github.cognitoemulator.core.store.ResourceChange;
import io.github.cognitoemulator.core.store.ResourceKind;
import io.github.cognitoemulator.core.store.ResourceStore;
import io.github.cognitoemulator.core.support.Ids;
import io.github.cognitoemulator.core.support.PageTokens;
import io.github.cognitoemulator.core.user.AttributeRules;
import io.github.cognitoemulator.core.user.User;
import io.github.cognitoemulator.core.user.UserDirectory;
import io.github.cognitoemulator.core.user.UserStatus;
import io.github.cognitoemulator.core.user.Usernames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * GetCSVHeader, CreateUserImportJob, StartUserImportJob, DescribeUserImportJob, ListUserImportJobs and
 * StopUserImportJob, and the upload of a job's CSV file to its pre-signed URL ({@link #upload(String, byte[])}).
 *
 * <p>A started job imports its file at once, before StartUserImportJob answers, so that tests see the outcome
 * without waiting. Imported users are in {@code RESET_REQUIRED}, without a password.
 *
 * @see <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-using-import-tool.html">Importing users from a CSV file</a>
 */
public final class UserImportActions implements ActionFamily {

    /** Import jobs, keyed by job id. */
    public static final ResourceKind<UserImportJob> JOBS = ResourceKind.of("user-import-job", UserImportJob.class);

    /** The CSV files uploaded for jobs that have not run yet, keyed by job id. */
    public static final ResourceKind<ImportFile> FILES = ResourceKind.of("user-import-file", ImportFile.class);

    /** The largest file Cognito imports: 100 MB. */
    public static final int MAX_FILE_BYTES = 100 * 1024 * 1024;

    /** The most users Cognito imports from one file. */
    static final int MAX_USERS = 500_000;

    /** Where a job's file is uploaded, after the emulator's base URL and before the job id. */
    public static final String UPLOAD_PATH = "/_emulator/user-import/";

    /** How long a created job waits for its start before it expires and its file is deleted. */
    static final Duration EXPIRY = Duration.ofHours(24);

    static final String SUCCEEDED_MESSAGE = "Import Job Completed Successfully.";

    static final String TOO_MANY_FAILED_MESSAGE = "Too many users have failed or been skipped during the import.";

    static final String EXPIRED = "Expired";

    static final String STOPPED_MESSAGE = "The import job was stopped.";

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final PoolStore pools;

    private final ResourceStore resources;

    private final UserDirectory users;

    private final Clock clock;

    private final Ids ids;

    /**
     * @param pools where pools are kept
     * @param resources where jobs and their files are kept
     * @param users where imported users go
     * @param clock the source of job times
     * @param ids the source of job ids and user subs
     */
    public UserImportActions(PoolStore pools, ResourceStore resources, UserDirectory users, Clock clock, Ids ids) {
        this.pools = Objects.requireNonNull(pools, "'pools' must not be null");
        this.resources = Objects.requireNonNull(resources, "'resources' must not be null");
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.ids = Objects.requireNonNull(ids, "'ids' must not be null");
    }

    @Override
    public void registerTo(ActionRegistry.Builder registry) {
        registry.add("GetCSVHeader", PoolRequest::parse, this::getCsvHeader);
        registry.add("CreateUserImportJob", CreateJobRequest::parse, this::createUserImportJob);
        registry.add("StartUserImportJob", JobRequest::parse, this::startUserImportJob);
        registry.add("DescribeUserImportJob", JobRequest::parse, this::describeUserImportJob);
        registry.add("ListUserImportJobs", ListJobsRequest::parse, this::listUserImportJobs);
        registry.add("StopUserImportJob", JobRequest::parse, this::stopUserImportJob);
    }

    /**
     * Keeps {@code csv} as the file of job {@code jobId}, as the job's pre-signed URL does; a later upload replaces
     * an earlier one until the job is started.
     */
    public UploadOutcome upload(String jobId, byte[] csv) {
        if (csv.length > MAX_FILE_BYTES) {
            return UploadOutcome.TOO_LARGE;
        }
        var file = new ImportFile(new String(csv, StandardCharsets.UTF_8));
        while (true) {
            Optional<Resource<UserImportJob>> job =
                    this.resources.find(JOBS, jobId).map(this::expireIfDue);
            if (job.isEmpty()) {
                return UploadOutcome.NO_SUCH_JOB;
            }
            if (!job.get().value().status().equals(UserImportJob.CREATED)) {
                return UploadOutcome.JOB_STARTED;
            }
            // Naming the job's version makes the upload lose against a start that got in first.
            List<ResourceChange> changes = new ArrayList<>();
            changes.add(new ResourceChange.Replace<>(job.get(), job.get().value()));
            changes.add(new ResourceChange.DeleteIfPresent(FILES, jobId));
            changes.add(new ResourceChange.Create<>(FILES, job.get().userPoolId(), jobId, file));
            if (this.resources.write(changes)) {
                return UploadOutcome.ACCEPTED;
            }
        }
    }

    Map<String, Object> getCsvHeader(PoolRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("UserPoolId", pool.id());
        response.put("CSVHeader", csvHeader(pool));
        return response;
    }

    /** Every attribute of the pool's schema but {@code sub}, in schema order, then Cognito's two own columns. */
    static List<String> csvHeader(UserPool pool) {
        List<String> header = new ArrayList<>();
        for (SchemaAttribute attribute : pool.schema()) {
            if (!attribute.name().equals("sub")) {
                header.add(attribute.name());
            }
        }
        header.add("cognito:mfa_enabled");
        header.add("cognito:username");
        return header;
    }

    Map<String, Object> createUserImportJob(CreateJobRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        Instant now = this.clock.instant();
        while (true) {
            String jobId = "import-" + this.ids.randomString(ALPHANUMERIC, 10);
            var job = new UserImportJob(
                    jobId,
                    pool.id(),
                    request.jobName(),
                    request.cloudWatchLogsRoleArn(),
                    context.issuerBaseUrl() + UPLOAD_PATH + jobId,
                    now,
                    null,
                    null,
                    UserImportJob.CREATED,
                    0,
                    0,
                    0,
                    null);
            if (this.resources.create(JOBS, pool.id(), jobId, job)) {
                return Map.of("UserImportJob", jobType(job));
            }
            this.pools.require(pool.id(), context.region());
        }
    }

    Map<String, Object> startUserImportJob(JobRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        Resource<UserImportJob> started;
        ImportFile file;
        while (true) {
            Resource<UserImportJob> current = requireJob(request);
            UserImportJob job = current.value();
            if (job.status().equals(EXPIRED)) {
                throw ErrorType.PRECONDITION_NOT_MET.exception("Job " + job.jobId() + " has expired.");
            }
            if (!job.status().equals(UserImportJob.CREATED)) {
                throw ErrorType.PRECONDITION_NOT_MET.exception("Job " + job.jobId() + " has already been started.");
            }
            Optional<Resource<ImportFile>> uploaded = this.resources.find(FILES, job.jobId());
            if (uploaded.isEmpty()) {
                throw ErrorType.PRECONDITION_NOT_MET.exception("No csv file was uploaded for " + job.jobId());
            }
            var inProgress = new UserImportJob(
                    job.jobId(),
                    job.userPoolId(),
                    job.jobName(),
                    job.cloudWatchLogsRoleArn(),
                    job.preSignedUrl(),
                    job.creationDate(),
                    this.clock.instant(),
                    null,
                    "InProgress",
                    0,
                    0,
                    0,
                    null);
            // Taking the file and moving the job on in one write starts the job once, whoever else tries.
            if (this.resources.write(List.of(
                    new ResourceChange.Replace<>(current, inProgress), new ResourceChange.Delete(uploaded.get())))) {
                started = current.replacedBy(inProgress);
                file = uploaded.get().value();
                break;
            }
        }
        Outcome outcome = importFile(pool, file.csv());
        return Map.of("UserImportJob", jobType(finish(started, outcome)));
    }

    /** Records how the job ended, unless it was stopped meanwhile, in which case it stays stopped with its counts. */
    private UserImportJob finish(Resource<UserImportJob> started, Outcome outcome) {
        Resource<UserImportJob> current = started;
        while (true) {
            UserImportJob job = current.value();
            boolean stopped = !job.status().equals("InProgress");
            UserImportJob ended = job.ended(
                    this.clock.instant(),
                    stopped ? "Stopped" : outcome.status(),
                    outcome.imported(),
                    outcome.skipped(),
                    outcome.failed(),
                    stopped ? STOPPED_MESSAGE : outcome.message());
            if (this.resources.replace(current, ended)) {
                return ended;
            }
            Optional<Resource<UserImportJob>> reread = this.resources.find(JOBS, job.jobId());
            if (reread.isEmpty()) {
                // The pool went while its users were being imported.
                return ended;
            }
            current = reread.get();
        }
    }

    /** How an import ended. */
    record Outcome(String status, long imported, long skipped, long failed, String message) {}

    Outcome importFile(UserPool pool, String csv) {
        List<List<String>> records = CsvRecords.parse(csv);
        if (records.isEmpty()) {
            return new Outcome("Failed", 0, 0, 0, "The CSV file is empty.");
        }
        List<String> header = records.get(0);
        List<String> known = csvHeader(pool);
        for (String column : header) {
            if (!known.contains(column)) {
                return new Outcome("Failed", 0, 0, 0, "The CSV header contains an unknown column: " + column + ".");
            }
        }
        if (!header.contains("cognito:username") || !header.contains("cognito:mfa_enabled")) {
            return new Outcome(
                    "Failed", 0, 0, 0, "The CSV header must contain cognito:username and cognito:mfa_enabled.");
        }
        if (records.size() - 1 > MAX_USERS) {
            return new Outcome("Failed", 0, 0, 0, "The CSV file has more than " + MAX_USERS + " users.");
        }
        long imported = 0;
        long failed = 0;
        for (List<String> row : records.subList(1, records.size())) {
            try {
                importRow(pool, header, row);
                imported++;
            } catch (CognitoException ex) {
                failed++;
            }
        }
        if (failed > imported) {
            return new Outcome("Failed", imported, 0, failed, TOO_MANY_FAILED_MESSAGE);
        }
        return new Outcome("Succeeded", imported, 0, failed, SUCCEEDED_MESSAGE);
    }

    /** Creates the user of one row, or throws what is wrong with it. */
    private void importRow(UserPool pool, List<String> header, List<String> row) {
        if (row.size() != header.size()) {
            throw Errors.invalidParameter("The row does not have one value per column.");
        }
        String username = "";
        String mfaEnabled = "";
        List<AttributeRules.Attribute> given = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String value = row.get(i);
            if (column.equals("cognito:username")) {
                username = value;
            } else if (column.equals("cognito:mfa_enabled")) {
                mfaEnabled = value;
            } else if (!value.isEmpty()) {
                if (column.endsWith("_verified")) {
                    // The file may spell its flags in any case; the user keeps them as Cognito writes them.
                    value = value.toLowerCase(Locale.ROOT);
                }
                given.add(new AttributeRules.Attribute(column, value));
                values.put(column, value);
            }
        }
        if (username.isEmpty()) {
            throw Errors.invalidParameter("cognito:username is required.");
        }
        if (!isBoolean(mfaEnabled)) {
            throw Errors.invalidParameter("cognito:mfa_enabled must be true or false.");
        }
        for (String flag : List.of("email_verified", "phone_number_verified")) {
            String value = values.get(flag);
            if (value != null && !isBoolean(value)) {
                throw Errors.invalidParameter(flag + " must be true or false.");
            }
            String attribute = flag.substring(0, flag.length() - "_verified".length());
            if ("true".equals(value) && !values.containsKey(attribute)) {
                throw Errors.invalidParameter(attribute + " is required when " + flag + " is true.");
            }
        }
        boolean verified = pool.autoVerifiedAttributes().stream()
                .anyMatch((attribute) -> "true".equals(values.get(attribute + "_verified")));
        if (!verified) {
            throw Errors.invalidParameter("The User Record does not set any of the auto verified attributes to"
                    + " verified. (Example: email_verified to true).");
        }
        for (SchemaAttribute attribute : pool.schema()) {
            if (attribute.required()
                    && !values.containsKey(attribute.name())
                    && !attribute.name().equals("sub")) {
                throw Errors.invalidParameter("The attribute " + attribute.name() + " is required.");
            }
        }
        Usernames.check(pool, username);
        AttributeRules.check(pool, given, null);
        Instant now = this.clock.instant();
        String sub = this.ids.uuid();
        Map<String, String> attributes = AttributeRules.initial(sub, given);
        String internalUsername = Usernames.internalUsername(pool, username, sub, attributes);
        var user = new User(
                pool.id(), internalUsername, sub, attributes, UserStatus.RESET_REQUIRED, true, now, now, null, null, 0);
        this.users.create(pool, user, "User account already exists");
    }

    private static boolean isBoolean(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    Map<String, Object> describeUserImportJob(JobRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        return Map.of("UserImportJob", jobType(requireJob(request).value()));
    }

    Map<String, Object> listUserImportJobs(ListJobsRequest request, RequestContext context) {
        UserPool pool = this.pools.require(request.userPoolId(), context.region());
        List<UserImportJob> jobs = this.resources.list(JOBS, pool.id()).stream()
                .map(this::expireIfDue)
                .map(Resource::value)
                .toList();
        PageTokens.Page<UserImportJob> page =
                PageTokens.page(jobs, UserImportJob::jobId, request.paginationToken(), request.maxResults());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put(
                "UserImportJobs",
                page.items().stream().map(UserImportActions::jobType).toList());
        if (page.nextToken() != null) {
            response.put("PaginationToken", page.nextToken());
        }
        return response;
    }

    Map<String, Object> stopUserImportJob(JobRequest request, RequestContext context) {
        this.pools.require(request.userPoolId(), context.region());
        while (true) {
            Resource<UserImportJob> current = requireJob(request);
            UserImportJob job = current.value();
            if (!job.status().equals("Pending") && !job.status().equals("InProgress")) {
                throw ErrorType.PRECONDITION_NOT_MET.exception(
                        "Job " + job.jobId() + " cannot be stopped in status " + job.status() + ".");
            }
            UserImportJob stopped = job.ended(
                    this.clock.instant(),
                    "Stopped",
                    job.importedUsers(),
                    job.skippedUsers(),
                    job.failedUsers(),
                    STOPPED_MESSAGE);
            if (this.resources.replace(current, stopped)) {
                return Map.of("UserImportJob", jobType(stopped));
            }
        }
    }

    private Resource<UserImportJob> requireJob(JobRequest request) {
        return this.resources
                .find(JOBS, request.jobId())
                .filter((job) -> job.userPoolId().equals(request.userPoolId()))
                .map(this::expireIfDue)
                .orElseThrow(() ->
                        ErrorType.RESOURCE_NOT_FOUND.exception("Import job " + request.jobId() + " does not exist."));
    }

    /**
     * The job as it stands now: a job left unstarted for {@link #EXPIRY} is {@code Expired}, and its file is deleted
     * the first time anyone looks, as Cognito deletes everything of such a job.
     */
    private Resource<UserImportJob> expireIfDue(Resource<UserImportJob> current) {
        Resource<UserImportJob> resource = current;
        while (resource.value().status().equals(UserImportJob.CREATED)
                && !this.clock
                        .instant()
                        .isBefore(resource.value().creationDate().plus(EXPIRY))) {
            UserImportJob expired = resource.value().withStatus(EXPIRED);
            if (this.resources.write(List.of(
                    new ResourceChange.Replace<>(resource, expired),
                    new ResourceChange.DeleteIfPresent(FILES, expired.jobId())))) {
                return resource.replacedBy(expired);
            }
            Optional<Resource<UserImportJob>> reread = this.resources.find(JOBS, resource.key());
            if (reread.isEmpty()) {
                return resource;
            }
            resource = reread.get();
        }
        return resource;
    }

    /** {@code UserImportJobType}: the dates and message only once the job has them. */
    static Map<String, Object> jobType(UserImportJob job) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("JobName", job.jobName());
        shape.put("JobId", job.jobId());
        shape.put("UserPoolId", job.userPoolId());
        shape.put("PreSignedUrl", job.preSignedUrl());
        shape.put("CreationDate", job.creationDate());
        putIfPresent(shape, "StartDate", job.startDate());
        putIfPresent(shape, "CompletionDate", job.completionDate());
        shape.put("Status", job.status());
        shape.put("CloudWatchLogsRoleArn", job.cloudWatchLogsRoleArn());
        shape.put("ImportedUsers", job.importedUsers());
        shape.put("SkippedUsers", job.skippedUsers());
        shape.put("FailedUsers", job.failedUsers());
        putIfPresent(shape, "CompletionMessage", job.completionMessage());
        return shape;
    }

    private static void putIfPresent(Map<String, Object> shape, String member, @Nullable Object value) {
        if (value != null) {
            shape.put(member, value);
        }
    }

    /**
     * A request that names only a pool.
     *
     * @param userPoolId the pool id
     */
    record PoolRequest(String userPoolId) {

        static PoolRequest parse(RequestReader in) {
            return new PoolRequest(in.requiredString("UserPoolId", Shapes.USER_POOL_ID));
        }
    }

    /**
     * A CreateUserImportJob request.
     *
     * @param jobName the job's name
     * @param userPoolId the pool
     * @param cloudWatchLogsRoleArn the role Cognito would log with
     */
    record CreateJobRequest(String jobName, String userPoolId, String cloudWatchLogsRoleArn) {

        static CreateJobRequest parse(RequestReader in) {
            return new CreateJobRequest(
                    in.requiredString("JobName", StringShape.ANY),
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredString("CloudWatchLogsRoleArn", StringShape.ANY));
        }
    }

    /**
     * A request naming a job of a pool.
     *
     * @param userPoolId the pool
     * @param jobId the job
     */
    record JobRequest(String userPoolId, String jobId) {

        static JobRequest parse(RequestReader in) {
            return new JobRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID), in.requiredString("JobId", StringShape.ANY));
        }
    }

    /**
     * A ListUserImportJobs request.
     *
     * @param userPoolId the pool
     * @param maxResults the page size, 1 to 60
     * @param paginationToken the token of the page to return
     */
    record ListJobsRequest(
            String userPoolId, int maxResults, @Nullable String paginationToken) {

        static ListJobsRequest parse(RequestReader in) {
            return new ListJobsRequest(
                    in.requiredString("UserPoolId", Shapes.USER_POOL_ID),
                    in.requiredInteger("MaxResults", IntShape.range(1, 60)),
                    in.string("PaginationToken", Shapes.PAGINATION_KEY));
        }
    }
}
