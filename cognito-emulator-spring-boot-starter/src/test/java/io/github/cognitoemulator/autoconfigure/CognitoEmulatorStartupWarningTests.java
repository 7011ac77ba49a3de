package io.github.cognitoemulator.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class CognitoEmulatorStartupWarningTests {

    @Test
    void namesTheEmulatorsUrlUnderTheWebFluxBasePath(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("cognito.emulator.path", "/cognito")
                .withProperty("cognito.emulator.region", "eu-west-1")
                .withProperty("spring.webflux.base-path", "/app/");
        CognitoEmulatorProperties properties =
                Binder.get(environment).bindOrCreate(CognitoEmulatorProperties.PREFIX, CognitoEmulatorProperties.class);

        new CognitoEmulatorStartupWarning(properties).onApplicationEvent(started(4566, environment));

        assertThat(output.getOut())
                .contains("Cognito emulator is active at http://localhost:4566/app/cognito (region eu-west-1)");
    }

    @Test
    void saysNothingMoreOfALoopbackOnlyEmulator(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment();

        new CognitoEmulatorStartupWarning(bind(environment)).onApplicationEvent(started(4566, environment));

        assertThat(output.getOut()).doesNotContain("other hosts");
    }

    @Test
    void warnsOfRemoteCallersAllowedWithoutAccessKeys(CapturedOutput output) {
        MockEnvironment environment =
                new MockEnvironment().withProperty("cognito.emulator.remote-access.allowed", "true");

        new CognitoEmulatorStartupWarning(bind(environment)).onApplicationEvent(started(4566, environment));

        assertThat(output.getOut())
                .contains(
                        "Cognito emulator answers callers on other hosts (cognito.emulator.remote-access.allowed=true)"
                                + " without checking signatures: anyone who reaches this port can call administrative actions"
                                + " and read codes and temporary passwords in its inbox. Set"
                                + " cognito.emulator.remote-access.access-keys for a shared server.");
    }

    @Test
    void saysHowASharedServerIsProtected(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("cognito.emulator.remote-access.allowed", "true")
                .withProperty("cognito.emulator.remote-access.access-keys[0].id", "AKID1")
                .withProperty("cognito.emulator.remote-access.access-keys[0].secret", "s1")
                .withProperty("cognito.emulator.remote-access.access-keys[1].id", "AKID2")
                .withProperty("cognito.emulator.remote-access.access-keys[1].secret", "s2");

        new CognitoEmulatorStartupWarning(bind(environment)).onApplicationEvent(started(4566, environment));

        assertThat(output.getOut())
                .contains("Cognito emulator answers callers on other hosts; administrative calls need a signature of"
                        + " one of 2 configured access keys, and the inbox answers callers on this machine only.")
                .doesNotContain("without checking signatures");
    }

    @Test
    void saysNothingOfAccessKeysWithoutRemoteCallers(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("cognito.emulator.remote-access.access-keys[0].id", "AKID1")
                .withProperty("cognito.emulator.remote-access.access-keys[0].secret", "s1");

        new CognitoEmulatorStartupWarning(bind(environment)).onApplicationEvent(started(4566, environment));

        assertThat(output.getOut()).doesNotContain("other hosts");
    }

    private static CognitoEmulatorProperties bind(MockEnvironment environment) {
        return Binder.get(environment).bindOrCreate(CognitoEmulatorProperties.PREFIX, CognitoEmulatorProperties.class);
    }

    private static WebServerInitializedEvent started(int port, MockEnvironment environment) {
        WebServer server = mock(WebServer.class);
        given(server.getPort()).willReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        given(context.getEnvironment()).willReturn(environment);
        return new WebServerInitializedEvent(server) {
            @Override
            public WebServerApplicationContext getApplicationContext() {
                return context;
            }
        };
    }
}
