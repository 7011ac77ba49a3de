package io.github.cognitoemulator.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How many RS256 (SHA256withRSA, 2048-bit key) signatures one core makes per second in this JVM, with the JDK's
 * provider and, when it is on the classpath and loads on this machine, the Amazon Corretto Crypto Provider. A
 * sign-in signs two tokens (access and ID), so {@code rate x cores / 2} bounds the sign-ins per second of a server
 * that does nothing else. Prints one JSON object.
 *
 * <p>Options: {@code --warmup=S} (1), {@code --duration=S} (3), {@code --cores=N} (the available processors).
 */
public final class SigningRate {

    private static final byte[] PAYLOAD =
            ("eyJraWQiOiJiZW5jaCIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiIxMjM0NTY3OC05MGFiLWNkZWYt"
                            + "MTIzNC01Njc4OTBhYmNkZWYiLCJ0b2tlbl91c2UiOiJhY2Nlc3MiLCJzY29wZSI6ImF3cy5jb2duaXRvLnNpZ25pbi51c2Vy")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private SigningRate() {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        long warmUp = TimeUnit.SECONDS.toNanos(options.integer("warmup", 1));
        long duration = TimeUnit.SECONDS.toNanos(options.integer("duration", 3));
        int cores = options.integer("cores", Runtime.getRuntime().availableProcessors());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        List<String> entries = new ArrayList<>();
        Signature jdk = Signature.getInstance("SHA256withRSA");
        entries.add(entry("jdk", jdk.getProvider(), rate(jdk, keys, warmUp, duration), cores));
        Provider accp = accp();
        if (accp != null) {
            Signature nativeSignature = Signature.getInstance("SHA256withRSA", accp);
            entries.add(entry("accp", accp, rate(nativeSignature, keys, warmUp, duration), cores));
        }
        System.out.println("{\"cores\":" + cores + ",\"java\":\"" + System.getProperty("java.vm.version")
                + "\",\"providers\":[" + String.join(",", entries) + "]}");
    }

    private static String entry(String name, Provider provider, double perSecond, int cores) {
        return "{\"name\":\"" + name + "\",\"provider\":\"" + provider.getName() + " " + provider.getVersionStr()
                + "\",\"signatures_per_s_per_core\":" + Math.round(perSecond) + ",\"sign_ins_per_s_limit\":"
                + Math.round(perSecond * cores / 2) + "}";
    }

    /** Signatures per second on this thread. */
    private static double rate(Signature signature, KeyPair keys, long warmUp, long duration) throws Exception {
        signature.initSign(keys.getPrivate());
        long end = System.nanoTime() + warmUp;
        while (System.nanoTime() < end) {
            signature.update(PAYLOAD);
            signature.sign();
        }
        long count = 0;
        long start = System.nanoTime();
        end = start + duration;
        long now = start;
        while (now < end) {
            signature.update(PAYLOAD);
            signature.sign();
            count++;
            now = System.nanoTime();
        }
        return count / ((now - start) / 1e9);
    }

    /** The Amazon Corretto Crypto Provider when it is on the classpath and its native library loads. */
    private static Provider accp() {
        try {
            Class<?> type = Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider");
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            Object failure = type.getMethod("getLoadingError").invoke(provider);
            if (failure != null) {
                System.err.println("ACCP does not load here: " + failure);
                return null;
            }
            return provider;
        } catch (ReflectiveOperationException | LinkageError ex) {
            return null;
        }
    }
}
