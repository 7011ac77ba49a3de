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
