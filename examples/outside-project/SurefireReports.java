import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads Surefire's XML reports as a CI test reporter would and fails on what breaks one: a {@code <testsuite>} whose
 * tests/failures/errors/skipped counts disagree with its {@code <testcase>} elements, two test cases of one class and
 * name (reported as one flaky test), and a weak pair reported as skipped (a weak pair was measured; its gates decide).
 * Run by check.sh with the JDK's source launcher:
 *
 *   java SurefireReports.java target/surefire-reports
 */
public final class SurefireReports {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/surefire-reports");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "TEST-*.xml")) {
            s.forEach(files::add);
        } catch (IOException e) {
            System.err.println("surefire reports: cannot read " + dir + ": " + e.getMessage());
            System.exit(1);
        }
        List<String> problems = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (Path file : files) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element suite = f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
            NodeList cases = suite.getElementsByTagName("testcase");
            int[] counted = new int[4];
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                String key = c.getAttribute("classname") + " :: " + c.getAttribute("name");
                Path before = seen.putIfAbsent(key, file);
                if (before != null) {
                    problems.add(file.getFileName() + ": two test cases named " + key
                            + (before.equals(file) ? "" : " (the other in " + before.getFileName() + ")"));
                }
                counted[0]++;
                counted[1] += c.getElementsByTagName("failure").getLength() > 0 ? 1 : 0;
                counted[2] += c.getElementsByTagName("error").getLength() > 0 ? 1 : 0;
                NodeList skip = c.getElementsByTagName("skipped");
                if (skip.getLength() > 0) {
                    counted[3]++;
                    Element s = (Element) skip.item(0);
                    String why = s.getAttribute("message") + " " + s.getTextContent();
                    if (why.contains("] weak: ")) {
                        problems.add(file.getFileName() + ": weak pair reported as skipped: " + key);
                    }
                }
            }
            String[] attrs = {"tests", "failures", "errors", "skipped"};
            for (int i = 0; i < attrs.length; i++) {
                String declared = suite.getAttribute(attrs[i]);
                if (!declared.equals(String.valueOf(counted[i]))) {
                    problems.add(file.getFileName() + ": <testsuite " + attrs[i] + "=\"" + declared + "\"> but "
                            + counted[i] + " such <testcase> elements");
                }
            }
            tests += counted[0];
            failures += counted[1];
            errors += counted[2];
            skipped += counted[3];
        }
        if (files.isEmpty()) {
            problems.add(dir + ": no TEST-*.xml (did Surefire run the clp engine?)");
        }
        System.out.println("  surefire reports: " + files.size() + " file(s), " + tests + " tests, " + failures
                + " failures, " + errors + " errors, " + skipped + " skipped");
        problems.stream().limit(20).forEach(p -> System.err.println("  " + p));
        if (!problems.isEmpty()) {
            System.err.println("  " + problems.size() + " problem(s) in " + dir);
            System.exit(1);
        }
    }
}
