import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Holds the code that decides who gets in to a higher mutation score than the rest: reads PIT's mutations.xml
 * reports and fails when any of these groups scores under {@value #REQUIRED} %. PIT itself enforces the overall
 * threshold.
 *
 * <pre>java scripts/MutationThresholds.java cognito-emulator-core/target/pit-reports/mutations.xml</pre>
 */
public final class MutationThresholds {

    private static final int REQUIRED = 95;

    /** Group name to the prefix of the mutated classes' names that it covers. */
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        String core = "io.github.cognitoemulator.core.";
        GROUPS.put("authentication and secret hash", List.of(core + "auth."));
        GROUPS.put("tokens", List.of(core + "token."));
        GROUPS.put("passwords and SRP", List.of(core + "password."));
        GROUPS.put("codes", List.of(core + "code."));
        GROUPS.put("sign-out", List.of(core + "selfservice.SignOutActions"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, int[]> counts = new LinkedHashMap<>();
        GROUPS.keySet().forEach((group) -> counts.put(group, new int[2]));
        for (String report : args) {
            var document = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(Files.newInputStream(Path.of(report)));
            NodeList mutations = document.getElementsByTagName("mutation");
            for (int i = 0; i < mutations.getLength(); i++) {
                Element mutation = (Element) mutations.item(i);
                String mutatedClass = mutation.getElementsByTagName("mutatedClass").item(0).getTextContent();
                boolean detected = Boolean.parseBoolean(mutation.getAttribute("detected"));
                GROUPS.forEach((group, prefixes) -> {
                    if (prefixes.stream().anyMatch(mutatedClass::startsWith)) {
                        int[] count = counts.get(group);
                        count[0] += detected ? 1 : 0;
                        count[1]++;
                    }
                });
            }
        }
        boolean failed = false;
        System.out.printf("%-32s %8s %8s %7s%n", "group", "killed", "mutants", "score");
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int killed = entry.getValue()[0];
            int total = entry.getValue()[1];
            int score = (total == 0) ? 100 : (int) Math.floor(100.0 * killed / total);
            boolean below = total == 0 || score < REQUIRED;
            failed |= below;
            System.out.printf(
                    "%-32s %8d %8d %6d%%%s%n",
                    entry.getKey(), killed, total, score, below ? "  below " + REQUIRED + " %" : "");
        }
        if (failed) {
            System.out.println("Mutation score below " + REQUIRED + " % where who gets in is decided.");
            System.exit(1);
        }
    }
}
