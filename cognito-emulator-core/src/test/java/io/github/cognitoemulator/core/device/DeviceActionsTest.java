package io.github.cognitoemulator.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cognitoemulator.core.EmulatorFixture.Reply;
import io.github.cognitoemulator.core.SignInFixture;
import io.github.cognitoemulator.core.SignInFixture.AppClient;
import io.github.cognitoemulator.core.store.memory.InMemoryStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ConfirmDevice, GetDevice, ListDevices, ForgetDevice, UpdateDeviceStatus and their administrator counterparts. */
class DeviceActionsTest {

    private static final String NO_DEVICE = "400 ResourceNotFoundException: Device does not exist.";

    private static final String UNKNOWN_KEY = "us-east-1_4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    /** A verifier config of the form identity-js sends: base64 of padded hex. */
    private static final Map<String, String> VERIFIER = Map.of("PasswordVerifier", "AKq7zN4=", "Salt", "AQIDBA==");

    private final InMemoryStore store = new InMemoryStore(10);

    private final SignInFixture fixture = SignInFixture.create(this.store);

    private String poolId = pool(false);

    private AppClient client = client();

    private String pool(boolean userOptIn) {
        return this.fixture.createPool(Map.of(
                "DeviceConfiguration",
                Map.of("ChallengeRequiredOnNewDevice", false, "DeviceOnlyRememberedOnUserPrompt", userOptIn)));
    }

    private AppClient client() {
        AppClient created = this.fixture.createPasswordClient(this.poolId);
        this.fixture.createConfirmedUser(this.poolId, "alice", SignInFixture.PASSWORD);
        return created;
    }

    /** A sign-in from a new device. */
    private record NewDevice(String accessToken, String deviceKey) {}

    private NewDevice signIn(String username) {
        Reply reply = this.fixture
                .signIn(this.client.id(), username, SignInFixture.PASSWORD)
                .requireSuccess();
        return new NewDevice(SignInFixture.tokens(reply).accessToken(), (String)
                reply.map("AuthenticationResult", "NewDeviceMetadata").get("DeviceKey"));
    }

    private Reply confirm(NewDevice device, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AccessToken", device.accessToken());
        body.put("DeviceKey", device.deviceKey());
        body.putAll(extra);
        return this.fixture.call("ConfirmDevice", body);
    }

    private NewDevice confirmed(String name) {
        NewDevice device = signIn("alice");
        confirm(device, Map.of("DeviceSecretVerifierConfig", VERIFIER, "DeviceName", name))
                .requireSuccess();
        return device;
    }

    private Reply user(String action, String accessToken, Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AccessToken", accessToken);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this.fixture.call(action, body);
    }

    private Reply admin(String action, String username, Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("UserPoolId", this.poolId);
        body.put("Username", username);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this.fixture.call(action, body);
    }

    private static List<String> keys(Reply reply) {
        return reply.requireSuccess().list("Devices").stream()
                .map((device) -> (String) device.get("DeviceKey"))
                .toList();
    }

    @Test
    void confirmingRemembersTheDeviceAtOnceUnlessThePoolLeavesItToTheUser() {
        NewDevice device = signIn("alice");

        Reply reply = confirm(device, Map.of("DeviceSecretVerifierConfig", VERIFIER, "DeviceName", "laptop"));

        assertThat(reply.requireSuccess().json()).isEqualTo(Map.of("UserConfirmationNecessary", false));
        assertThat(admin("AdminGetDevice", "alice", "DeviceKey", device.deviceKey())
                        .attributes("Device", "DeviceAttributes"))
                .containsEntry("dev:device_remembered_status", "remembered");

        this.poolId = pool(true);
        this.client = client();
        NewDevice optIn = signIn("alice");
        assertThat(confirm(optIn, Map.of("DeviceSecretVerifierConfig", VERIFIER))
                        .requireSuccess()
                        .json())
                .isEqualTo(Map.of("UserConfirmationNecessary", true));
        assertThat(admin("AdminGetDevice", "alice", "DeviceKey", optIn.deviceKey())
                        .attributes("Device", "DeviceAttributes"))
                .containsEntry("dev:device_remembered_status", "not_remembered");
    }

    @Test
    void getDeviceAnswersCognitosDeviceType() {
        NewDevice device = signIn("alice");
        this.fixture.clock().advance(Duration.ofMinutes(5));
        confirm(device, Map.of("DeviceSecretVerifierConfig", VERIFIER, "DeviceName", "laptop"))
                .requireSuccess();

        Reply reply = user("GetDevice", device.accessToken(), "DeviceKey", device.deviceKey())
                .requireSuccess();

        // Epoch seconds, as Cognito writes them: START is 1709629622, and the confirmation came 300 s later.
        assertThat(reply.body())
                .isEqualTo("{\"Device\":{\"DeviceAttributes\":[{\"Name\":\"device_status\",\"Value\":\"valid\"},"
                        + "{\"Name\":\"device_name\",\"Value\":\"laptop\"},"
                        + "{\"Name\":\"dev:device_remembered_status\",\"Value\":\"remembered\"}],"
                        + "\"DeviceCreateDate\":1.709629622E9,\"DeviceKey\":\"" + device.deviceKey() + "\","
                        + "\"DeviceLastAuthenticatedDate\":1.709629622E9,"
                        + "\"DeviceLastModifiedDate\":1.709629922E9}}");
    }

    @Test
    void aDeviceWithoutNameOrSignInShowsNeither() {
        NewDevice first = signIn("alice");
        // A second sign-in is the one whose device is confirmed; the first device was signed in with once only.
        NewDevice device = signIn("alice");
        confirm(device, Map.of()).requireSuccess();

        Map<String, Object> shape = admin("AdminGetDevice", "alice", "DeviceKey", device.deviceKey())
                .requireSuccess()
                .map("Device");
        assertThat(shape.keySet())
                .containsExactly(
                        "DeviceAttributes",
                        "DeviceCreateDate",
                        "DeviceKey",
                        "DeviceLastAuthenticatedDate",
                        "DeviceLastModifiedDate");
        assertThat(admin("AdminGetDevice", "alice", "DeviceKey", device.deviceKey())
                        .attributes("Device", "DeviceAttributes"))
                .containsOnlyKeys("device_status", "dev:device_remembered_status");
        assertThat(admin("AdminGetDevice", "alice", "DeviceKey", first.deviceKey())
                        .error())
                .isEqualTo(NO_DEVICE);
    }

    @Test
    void confirmDeviceRefusesUnknownDevicesOthersDevicesAndSecondConfirmations() {
        NewDevice device = signIn("alice");
        this.fixture.createConfirmedUser(this.poolId, "bob", SignInFixture.PASSWORD);
        NewDevice bobs = signIn("bob");

        assertThat(confirm(new NewDevice(device.accessToken(), UNKNOWN_KEY), Map.of())
                        .error())
                .isEqualTo(NO_DEVICE);
        assertThat(confirm(new NewDevice(device.accessToken(), bobs.deviceKey()), Map.of())
                        .error())
                .isEqualTo(NO_DEVICE);
        confirm(device, Map.of()).requireSuccess();
        assertThat(confirm(device, Map.of()).error())
                .isEqualTo("400 DeviceKeyExistsException: Device key already exists.");
    }

    @Test
    void confirmDeviceRefusesAVerifierConfigThatIsNotBase64() {
        NewDevice device = signIn("alice");
        String message = "400 InvalidParameterException: "
                + "DeviceSecretVerifierConfig must have a base64 PasswordVerifier and Salt.";

        assertThat(confirm(device, Map.of("DeviceSecretVerifierConfig", Map.of("PasswordVerifier", "AAEC")))
                        .error())
                .isEqualTo(message);
        assertThat(confirm(device, Map.of("DeviceSecretVerifierConfig", Map.of("Salt", "AAEC")))
                        .error())
                .isEqualTo(message);
        assertThat(confirm(
                                device,
                                Map.of("DeviceSecretVerifierConfig", Map.of("PasswordVerifier", "!!", "Salt", "AAEC")))
                        .error())
                .isEqualTo(message);
        assertThat(confirm(device, Map.of("DeviceSecretVerifierConfig", Map.of("PasswordVerifier", "", "Salt", "AA")))
                        .error())
                .isEqualTo(message);
        // Longer than the padded base64 of the group's 385 bytes, though valid base64.
        assertThat(confirm(
                                device,
                                Map.of(
                                        "DeviceSecretVerifierConfig",
                                        Map.of("PasswordVerifier", "A".repeat(520), "Salt", "AAEC")))
                        .error())
                .isEqualTo(message);
        assertThat(confirm(
                                device,
                                Map.of(
                                        "DeviceSecretVerifierConfig",
                                        Map.of("PasswordVerifier", "AAEC", "Salt", "A".repeat(520))))
                        .error())
                .isEqualTo(message);
        // Nothing was stored by the refused requests.
        assertThat(admin("AdminListDevices", "alice").list("Devices")).isEmpty();
    }

    @Test
    void confirmDeviceTakesAVerifierConfigOfTheGroupsSize() {
        NewDevice device = signIn("alice");

        confirm(
                        device,
                        Map.of(
                                "DeviceSecretVerifierConfig",
                                Map.of("PasswordVerifier", "AQ" + "A".repeat(512) + "==", "Salt", "A".repeat(516))))
                .requireSuccess();
    }

    @Test
    void theUserSeesRememberedDevicesOnlyAndTheAdministratorEveryConfirmedOne() {
        this.poolId = pool(true);
        this.client = client();
        NewDevice unconfirmed = signIn("alice");
        NewDevice device = confirmed("phone");

        assertThat(keys(user("ListDevices", device.accessToken()))).isEmpty();
        assertThat(user("GetDevice", device.accessToken(), "DeviceKey", device.deviceKey())
                        .error())
                .isEqualTo(NO_DEVICE);
        assertThat(keys(admin("AdminListDevices", "alice"))).containsExactly(device.deviceKey());
        assertThat(admin("AdminGetDevice", "alice", "DeviceKey", unconfirmed.deviceKey())
                        .error())
                .isEqualTo(NO_DEVICE);

        user(
                        "UpdateDeviceStatus",
                        device.accessToken(),
                        "DeviceKey",
                        device.deviceKey(),
                        "DeviceRememberedStatus",
                        "remembered")
                .requireSuccess();

        assertThat(keys(user("ListDevices", device.accessToken()))).containsExactly(device.deviceKey());
        assertThat(user("GetDevice", device.accessToken(), "DeviceKey", device.deviceKey())
                        .status())
                .isEqualTo(200);

        admin(
                        "AdminUpdateDeviceStatus",
                        "alice",
                        "DeviceKey",
                        device.deviceKey(),
                        "DeviceRememberedStatus",
                        "not_remembered")
                .requireSuccess();
        assertThat(keys(user("ListDevices", device.accessToken()))).isEmpty();
    }

    @Test
    void devicesArePagedInKeyOrder() {
        List<String> all = new java.util.ArrayList<>();
        String accessToken = null;
        for (int i = 0; i < 5; i++) {
            NewDevice device = confirmed("device " + i);
            all.add(device.deviceKey());
            accessToken = device.accessToken();
        }
        all.sort(null);

        Reply first = user("ListDevices", accessToken, "Limit", 2);
        assertThat(keys(first)).containsExactlyElementsOf(all.subList(0, 2));
        Reply second = user("ListDevices", accessToken, "Limit", 2, "PaginationToken", first.string("PaginationToken"));
        assertThat(keys(second)).containsExactlyElementsOf(all.subList(2, 4));
        Reply last =
                admin("AdminListDevices", "alice", "Limit", 2, "PaginationToken", second.string("PaginationToken"));
        assertThat(keys(last)).containsExactlyElementsOf(all.subList(4, 5));
        assertThat(last.json()).doesNotContainKey("PaginationToken");
        assertThat(keys(user("ListDevices", accessToken, "Limit", 0))).containsExactlyElementsOf(all);
        assertThat(keys(admin("AdminListDevices", "alice", "Limit", 5))).containsExactlyElementsOf(all);
        assertThat(admin("AdminListDevices", "alice", "Limit", 5).json()).doesNotContainKey("PaginationToken");
        assertThat(user("ListDevices", accessToken, "PaginationToken", "bogus").error())
                .isEqualTo("400 InvalidParameterException: Invalid pagination token.");
    }

    @Test
    void forgettingADeviceRemovesIt() {
        NewDevice device = confirmed("laptop");
        NewDevice other = confirmed("phone");

        user("ForgetDevice", device.accessToken(), "DeviceKey", device.deviceKey())
                .requireSuccess();
        admin("AdminForgetDevice", "alice", "DeviceKey", other.deviceKey()).requireSuccess();

        assertThat(keys(admin("AdminListDevices", "alice"))).isEmpty();
        assertThat(user("ForgetDevice", device.accessToken(), "DeviceKey", device.deviceKey())
                        .error())
                .isEqualTo(NO_DEVICE);
        assertThat(user(
                                "UpdateDeviceStatus",
                                device.accessToken(),
                                "DeviceKey",
                                device.deviceKey(),
                                "DeviceRememberedStatus",
                                "remembered")
                        .error())
                .isEqualTo(NO_DEVICE);
        assertThat(admin("AdminForgetDevice", "alice", "DeviceKey", device.deviceKey())
                        .error())
                .isEqualTo(NO_DEVICE);
        assertThat(this.store
                        .resources()
                        .find(DeviceRoster.KIND, roster("alice"))
                        .orElseThrow()
                        .value()
                        .devices())
                .isZero();
    }

    @Test
    void forgettingADeviceNeverConfirmedIsAllowed() {
        NewDevice device = signIn("alice");

        user("ForgetDevice", device.accessToken(), "DeviceKey", device.deviceKey())
                .requireSuccess();

        assertThat(this.store.resources().list(Device.KIND, this.poolId)).isEmpty();
    }

    @Test
    void theStatusOfADeviceNeverConfirmedCannotBeSet() {
        NewDevice device = signIn("alice");

        assertThat(user(
                                "UpdateDeviceStatus",
                                device.accessToken(),
                                "DeviceKey",
                                device.deviceKey(),
                                "DeviceRememberedStatus",
                                "remembered")
                        .error())
                .isEqualTo(NO_DEVICE);
        assertThat(user("UpdateDeviceStatus", device.accessToken(), "DeviceKey", device.deviceKey())
                        .error())
                .isEqualTo(NO_DEVICE);
        assertThat(admin(
                                "AdminUpdateDeviceStatus",
                                "alice",
                                "DeviceKey",
                                device.deviceKey(),
                                "DeviceRememberedStatus",
                                "remembered")
                        .error())
                .isEqualTo(NO_DEVICE);
    }

    @Test
    void anUpdateWithoutAStatusLeavesTheDeviceAsItIs() {
        NewDevice device = confirmed("laptop");
        Map<String, Object> before = admin("AdminGetDevice", "alice", "DeviceKey", device.deviceKey())
                .map("Device");
        this.fixture.clock().advance(Duration.ofMinutes(1));

        assertThat(user("UpdateDeviceStatus", device.accessToken(), "DeviceKey", device.deviceKey())
                        .requireSuccess()
                        .json())
                .isEmpty();

        assertThat(admin("AdminGetDevice", "alice", "DeviceKey", device.deviceKey())
                        .map("Device"))
                .isEqualTo(before);
        assertThat(user("UpdateDeviceStatus", device.accessToken(), "DeviceKey", UNKNOWN_KEY)
                        .error())
                .isEqualTo(NO_DEVICE);
    }

    @Test
    void updatingTheStatusMovesTheLastModifiedDate() {
        NewDevice device = confirmed("laptop");
        this.fixture.clock().advance(Duration.ofMinutes(2));

        assertThat(admin(
                                "AdminUpdateDeviceStatus",
                                "alice",
                                "DeviceKey",
                                device.deviceKey(),
                                "DeviceRememberedStatus",
                                "not_remembered")
                        .requireSuccess()
                        .json())
                .isEmpty();

        Map<String, Object> shape = admin("AdminGetDevice", "alice", "DeviceKey", device.deviceKey())
                .map("Device");
        assertThat(((Number) shape.get("DeviceLastModifiedDate")).longValue())
                .isEqualTo(SignInFixture.START.getEpochSecond() + 120);
    }

    @Test
    void theUsersActionsNeedAValidAccessTokenOfAnExistingEnabledUser() {
        NewDevice device = confirmed("laptop");

        assertThat(this.fixture
                        .call("GetDevice", Map.of("DeviceKey", device.deviceKey()))
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter AccessToken");
        assertThat(this.fixture
                        .call("ForgetDevice", Map.of("DeviceKey", device.deviceKey()))
                        .error())
                .isEqualTo("400 InvalidParameterException: Missing required parameter AccessToken");
        assertThat(user("GetDevice", "not.a.token", "DeviceKey", device.deviceKey())
                        .error())
                .startsWith("400 NotAuthorizedException");

        this.fixture
                .call("AdminDisableUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();
        assertThat(user("ListDevices", device.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();
        assertThat(user("ListDevices", device.accessToken()).error())
                .isEqualTo("400 NotAuthorizedException: User does not exist.");
    }

    @Test
    void theAdministratorsActionsNeedAPoolAndUser() {
        assertThat(admin("AdminListDevices", "nobody").error())
                .isEqualTo("400 UserNotFoundException: User does not exist.");
        assertThat(this.fixture
                        .call(
                                "AdminGetDevice",
                                Map.of(
                                        "UserPoolId",
                                        "us-east-1_Missing00",
                                        "Username",
                                        "alice",
                                        "DeviceKey",
                                        UNKNOWN_KEY))
                        .error())
                .isEqualTo("400 ResourceNotFoundException: User pool us-east-1_Missing00 does not exist.");
    }

    @Test
    void deletingAUserRemovesItsDevicesAndRosterButNotOthers() {
        confirmed("laptop");
        signIn("alice");
        this.fixture.createConfirmedUser(this.poolId, "bob", SignInFixture.PASSWORD);
        NewDevice bobs = signIn("bob");

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "alice"))
                .requireSuccess();

        assertThat(this.store.resources().list(Device.KIND, this.poolId))
                .extracting((resource) -> resource.value().deviceKey())
                .containsExactly(bobs.deviceKey());
        assertThat(this.store.resources().list(DeviceRoster.KIND, this.poolId)).hasSize(1);
    }

    @Test
    void deletingAUserWithoutDevicesWritesNothing() {
        this.fixture.createConfirmedUser(this.poolId, "carol", SignInFixture.PASSWORD);

        this.fixture
                .call("AdminDeleteUser", Map.of("UserPoolId", this.poolId, "Username", "carol"))
                .requireSuccess();

        assertThat(this.store.resources().list(DeviceRoster.KIND, this.poolId)).isEmpty();
    }

    private String roster(String username) {
        String sub = this.fixture.attributesOf(this.poolId, username).get("sub");
        return this.poolId + "/" + sub;
    }
}
