package io.github.cognitoemulator.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.StringUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * Says once, when the server is up, that the emulator answers and where: an emulator that accepts any credentials
 * must never go unnoticed in a deployment that switched it on by mistake.
 */
class CognitoEmulatorStartupWarning implements ApplicationListener<WebServerInitializedEvent> {

    private static final Log logger = LogFactory.getLog(CognitoEmulatorStartupWarning.class);

    private final CognitoEmulatorProperties properties;

    CognitoEmulatorStartupWarning(CognitoEmulatorProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // A separate management server announces itself too; the emulator lives only on the main one.
        if (StringUtils.hasLength(event.getApplicationContext().getServerNamespace())) {
            return;
        }
        // A servlet application is under its servlet context's path, a reactive one under WebFlux's base path.
        String contextPath = (event.getApplicationContext() instanceof WebApplicationContext web
                        && web.getServletContext() != null)
                ? web.getServletContext().getContextPath()
                : ApplicationPaths.withoutTrailingSlashes(
                        event.getApplicationContext().getEnvironment().getProperty("spring.webflux.base-path", ""));
        logger.warn("Cognito emulator is active at http://localhost:"
                + event.getWebServer().getPort() + contextPath
                + this.properties.path() + " (region " + this.properties.region()
                + "). It accepts any credentials and is for local development only: never run it in production.");
        CognitoEmulatorProperties.RemoteAccess remoteAccess = this.properties.remoteAccess();
        if (remoteAccess.allowed() && remoteAccess.accessKeys().isEmpty()) {
            logger.warn("Cognito emulator answers callers on other hosts (cognito.emulator.remote-access.allowed=true)"
                    + " without checking signatures: anyone who reaches this port can call administrative actions and"
                    + " read codes and temporary passwords in its inbox. Set cognito.emulator.remote-access.access-keys"
                    + " for a shared server.");
        } else if (remoteAccess.allowed()) {
            logger.warn("Cognito emulator answers callers on other hosts; administrative calls need a signature of one"
                    + " of " + remoteAccess.accessKeys().size() + " configured access keys, and the inbox answers"
                    + " callers on this machine only.");
        }
    }
}
