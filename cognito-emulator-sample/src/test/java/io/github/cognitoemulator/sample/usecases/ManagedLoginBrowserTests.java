package io.github.cognitoemulator.sample.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UpdateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/**
 * The sample's {@code /account} page in a real browser, Debian's headless Chromium: sent to the pool's managed login,
 * signed in there, back on the page, signed out of both, and the same through an external OpenID Connect provider
 * (a second pool of the emulator). Screenshots of the pages go to {@code target/screenshots/}.
 *
 * <p>It needs {@code chromium} and {@code chromedriver} on the {@code PATH} (Debian's {@code chromium} and
 * {@code chromium-driver} packages) and is skipped, saying so, without them, unless
 * {@code COGNITO_EMULATOR_BROWSER_TESTS=required} (as in CI), when their absence fails it.
 *
 * <p>The seeded app client's callback and sign-out URLs name port 4566, where the sample runs in development, and
 * Cognito compares them exactly; the test adds this run's port to them with UpdateUserPoolClient, as a developer
 * would for another port, keeping every other setting.
 */
@Tag("browser")
class ManagedLoginBrowserTests extends CognitoUseCase {

    private static final String SAMPLE_POOL = "us-east-1_Sample123";

    private static final String DOMAIN = "sample-login";

    private static final String LOGIN_CLIENT = "sample0login0client00000a1";

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static WebDriver browser;

    private String base;

    @BeforeAll
    static void startBrowser() throws IOException {
        Optional<Path> chromium = executable("chromium", "chromium-browser");
        Optional<Path> chromedriver = executable("chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String missing = "The browser tests need chromium and chromedriver on the PATH (Debian: apt-get install -y"
                    + " chromium chromium-driver); found chromium=" + chromium.isPresent() + ", chromedriver="
                    + chromedriver.isPresent();
            if ("required".equals(System.getenv("COGNITO_EMULATOR_BROWSER_TESTS"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing + "; skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingPort(freePort())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshBrowserAndThisPortAllowed() {
        this.base = "http://localhost:" + this.port;
        // Every cookie of the browser, those scoped to the managed login sites' paths included, which WebDriver's own
        // deletion leaves alone unless the current page is below them.
        ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        updateClient(
                SAMPLE_POOL,
                LOGIN_CLIENT,
                (client, update) -> update.callbackURLs(
                                with(client.callbackURLs(), this.base + "/login/oauth2/code/cognito"))
                        .logoutURLs(with(client.logoutURLs(), this.base + "/")));
    }

    @Test
    void aliceSignsInOnManagedLoginSeesHerAccountAndSignsOutOfBoth() {
        browser.get(this.base + "/account");

        awaitLoginPage(this.base + "/(" + DOMAIN + "|" + SAMPLE_POOL + ")/login");
        screenshot("managed-login.png");
        signIn("alice", "Alice-Passw0rd!");

        // Spring Security marks the request it resumes after the sign-in with "?continue".
        awaitUrl(Pattern.quote(this.base + "/account") + "(\\?continue)?");
        screenshot("account.png");
        assertThat(text("username")).isEqualTo("alice");
        assertThat(text("name")).isEqualTo("Alice Example");
        assertThat(text("email")).isEqualTo("alice@example.com");

        browser.findElement(By.id("sign-out")).click();
        awaitUrl(Pattern.quote(this.base + "/"));
        browser.get(this.base + "/account");

        // The managed login session ended too, so the way back to the account is through the sign-in page again.
        awaitLoginPage(this.base + "/(" + DOMAIN + "|" + SAMPLE_POOL + ")/login");
        screenshot("managed-login-after-sign-out.png");
    }

    @Test
    void carolSignsInThroughAnExternalOpenIdConnectProvider() {
        // The provider: another pool of the emulator, with carol and a confidential client whose callback is the
        // sample pool's /oauth2/idpresponse.
        String providerPool = createPool();
        createUser(
                providerPool,
                "carol",
                attribute("email", "carol@example.com"),
                attribute("email_verified", "true"),
                attribute("name", "Carol Example"));
        cognito()
                .adminSetUserPassword((request) -> request.userPoolId(providerPool)
                        .username("carol")
                        .password(STRONG_PASSWORD)
                        .permanent(true));
        UserPoolClientType providerClient = cognito()
                .createUserPoolClient((request) -> request.userPoolId(providerPool)
                        .clientName(unique("federation"))
                        .generateSecret(true)
                        .allowedOAuthFlows(OAuthFlowType.CODE)
                        .allowedOAuthScopes("openid", "email", "profile")
                        .allowedOAuthFlowsUserPoolClient(true)
                        .callbackURLs(
                                this.base + "/" + DOMAIN + "/oauth2/idpresponse",
                                this.base + "/" + SAMPLE_POOL + "/oauth2/idpresponse")
                        .supportedIdentityProviders("COGNITO"))
                .userPoolClient();
        String providerName = unique("EmulatorIdP").replace("-", "");
        cognito()
                .createIdentityProvider((request) -> request.userPoolId(SAMPLE_POOL)
                        .providerName(providerName)
                        .providerType(IdentityProviderTypeType.OIDC)
                        .providerDetails(java.util.Map.of(
                                "client_id",
                                providerClient.clientId(),
                                "client_secret",
                                providerClient.clientSecret(),
                                "authorize_scopes",
                                "openid email profile",
                                "attributes_request_method",
                                "GET",
                                "oidc_issuer",
                                this.base + "/" + providerPool))
                        .attributeMapping(java.util.Map.of("email", "email", "name", "name", "username", "sub")));
        updateClient(
                SAMPLE_POOL,
                LOGIN_CLIENT,
                (client, update) ->
                        update.supportedIdentityProviders(with(client.supportedIdentityProviders(), providerName)));

        browser.get(this.base + "/account");
        awaitLoginPage(this.base + "/(" + DOMAIN + "|" + SAMPLE_POOL + ")/login");
        screenshot("managed-login-with-provider.png");
        chooseProvider(providerName);

        awaitLoginPage(Pattern.quote(this.base + "/" + providerPool) + "/login");
        screenshot("provider-login.png");
        signIn("carol", STRONG_PASSWORD);

        // Spring Security marks the request it resumes after the sign-in with "?continue".
        awaitUrl(Pattern.quote(this.base + "/account") + "(\\?continue)?");
        screenshot("account-federated.png");
        assertThat(text("username")).startsWith(providerName + "_");
        assertThat(text("email")).isEqualTo("carol@example.com");
        assertThat(text("name")).isEqualTo("Carol Example");
    }

    /**
     * Picks the provider on the sign-in page: its button or link when the page shows one, else the authorization
     * request the page was opened with, with {@code identity_provider} added, as an application's own button would
     * send it.
     */
    private void chooseProvider(String providerName) {
        List<WebElement> choices = new ArrayList<>();
        for (WebElement element : browser.findElements(By.cssSelector("a, button, input[type=submit]"))) {
            String label =
                    element.getText() + " " + element.getDomAttribute("value") + " " + element.getDomAttribute("href");
            if (element.isDisplayed() && label.contains(providerName)) {
                choices.add(element);
            }
        }
        if (!choices.isEmpty()) {
            choices.get(0).click();
            return;
        }
        String login = browser.getCurrentUrl();
        browser.get(login.replaceFirst("/login\\?", "/oauth2/authorize?") + "&identity_provider=" + providerName);
    }

    /** Fills in and sends the sign-in form of the page: the one with a visible password field. */
    private static void signIn(String username, String password) {
        WebElement form = browser.findElements(By.tagName("form")).stream()
                .filter((candidate) -> candidate.findElements(By.cssSelector("input[type=password]")).stream()
                        .anyMatch(WebElement::isDisplayed))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No sign-in form on " + browser.getCurrentUrl()));
        WebElement usernameField = form.findElements(By.cssSelector("input[name=username]")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseGet(() ->
                        form
                                .findElements(By.cssSelector("input[type=text], input[type=email], input:not([type])"))
                                .stream()
                                .filter(WebElement::isDisplayed)
                                .findFirst()
                                .orElseThrow(
                                        () -> new AssertionError("No username field on " + browser.getCurrentUrl())));
        usernameField.clear();
        usernameField.sendKeys(username);
        WebElement passwordField = form.findElements(By.cssSelector("input[type=password]")).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow();
        passwordField.clear();
        passwordField.sendKeys(password);
        List<WebElement> submit =
                form.findElements(By.cssSelector("button[type=submit], input[type=submit], button:not([type])"));
        if (submit.isEmpty()) {
            form.submit();
        } else {
            submit.get(0).click();
        }
    }

    private static void awaitLoginPage(String urlPattern) {
        awaitUrl(urlPattern + "(\\?.*)?");
        assertThat(browser.findElements(By.cssSelector("input[type=password]")))
                .as("password field on %s", browser.getCurrentUrl())
                .isNotEmpty();
    }

    private static void awaitUrl(String pattern) {
        Pattern expected = Pattern.compile(pattern);
        try {
            new WebDriverWait(browser, WAIT)
                    .until((driver) -> expected.matcher(driver.getCurrentUrl()).matches());
        } catch (RuntimeException timedOut) {
            screenshot("failed-" + System.currentTimeMillis() + ".png");
            throw new AssertionError(
                    "Expected a page at " + pattern + " but the browser is at " + browser.getCurrentUrl() + ":\n"
                            + browser.getPageSource(),
                    timedOut);
        }
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void screenshot(String name) {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Changes an app client with UpdateUserPoolClient, which resets whatever it omits, so every setting is sent. */
    private void updateClient(
            String poolId,
            String clientId,
            java.util.function.BiConsumer<UserPoolClientType, UpdateUserPoolClientRequest.Builder> change) {
        UserPoolClientType client = cognito()
                .describeUserPoolClient((request) -> request.userPoolId(poolId).clientId(clientId))
                .userPoolClient();
        Consumer<UpdateUserPoolClientRequest.Builder> update = (request) -> {
            request.userPoolId(poolId)
                    .clientId(clientId)
                    .clientName(client.clientName())
                    .refreshTokenValidity(client.refreshTokenValidity())
                    .accessTokenValidity(client.accessTokenValidity())
                    .idTokenValidity(client.idTokenValidity())
                    .tokenValidityUnits(client.tokenValidityUnits())
                    .readAttributes(client.readAttributes())
                    .writeAttributes(client.writeAttributes())
                    .explicitAuthFlowsWithStrings(client.explicitAuthFlowsAsStrings())
                    .supportedIdentityProviders(client.supportedIdentityProviders())
                    .callbackURLs(client.callbackURLs())
                    .logoutURLs(client.logoutURLs())
                    .defaultRedirectURI(client.defaultRedirectURI())
                    .allowedOAuthFlowsWithStrings(client.allowedOAuthFlowsAsStrings())
                    .allowedOAuthScopes(client.allowedOAuthScopes())
                    .allowedOAuthFlowsUserPoolClient(client.allowedOAuthFlowsUserPoolClient())
                    .analyticsConfiguration(client.analyticsConfiguration())
                    .preventUserExistenceErrors(client.preventUserExistenceErrorsAsString())
                    .enableTokenRevocation(client.enableTokenRevocation())
                    .enablePropagateAdditionalUserContextData(client.enablePropagateAdditionalUserContextData())
                    .authSessionValidity(client.authSessionValidity())
                    .refreshTokenRotation(client.refreshTokenRotation());
            change.accept(client, request);
        };
        cognito().updateUserPoolClient(update);
    }

    private static List<String> with(List<String> values, String value) {
        Set<String> all = new LinkedHashSet<>(values);
        all.add(value);
        return new ArrayList<>(all);
    }

    private static Optional<Path> executable(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A free port for chromedriver. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
