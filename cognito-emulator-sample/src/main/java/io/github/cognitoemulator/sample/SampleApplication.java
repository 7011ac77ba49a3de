package io.github.cognitoemulator.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample application. Started with {@code --spring.profiles.active=dev} it listens on port 4566 and answers the
 * Cognito User Pools API next to its own endpoints, so the AWS CLI and SDKs can use it as their Cognito endpoint:
 *
 * <pre>
 * aws cognito-idp create-user-pool --pool-name demo --endpoint-url http://localhost:4566
 * </pre>
 */
@SpringBootApplication
public class SampleApplication {

    /**
     * Starts the application.
     *
     * @param args the command-line arguments, for example {@code --spring.profiles.active=dev}
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
