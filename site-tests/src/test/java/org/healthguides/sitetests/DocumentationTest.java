package org.healthguides.sitetests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README stays one screen, names the command CI runs, and every link between the docs leads somewhere. */
class DocumentationTest {
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    private static Path repo() {
        return Path.of(System.getProperty("repo.dir")).toAbsolutePath().normalize();
    }

    @Test
    void readmeIsOneScreenAndLinksEveryTopic() throws IOException {
        List<String> lines = Files.readAllLines(repo().resolve("README.md"));
        assertTrue(lines.size() <= 250, "README.md has " + lines.size() + " lines; move depth to docs/");
        String readme = String.join("\n", lines);
        for (String doc : List.of("writing", "care-cards", "publishing", "command-line", "errors", "performance", "architecture")) {
            assertTrue(readme.contains("(docs/" + doc + ".md)"), "README links docs/" + doc + ".md");
        }
    }

    @Test
    void readmeShowsTheTestCommandCiRuns() throws IOException {
        String command = "mvn -B -ntp verify -Pbrowser -Dsite.nginx=required";
        List<String> ciLines = Files.readAllLines(repo().resolve(".ci/run"));
        assertTrue(ciLines.contains(command), ".ci/run runs " + command);
        assertTrue(Files.readString(repo().resolve("README.md")).contains(command), "README shows " + command);
    }

    @Test
    void everyRelativeLinkInTheDocsLeadsToAFileAndHeading() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(repo().resolve("README.md")));
        try (Stream<Path> files = Files.list(repo().resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path doc : docs) {
            // Examples in code are not links.
            String prose = Files.readString(doc).replaceAll("(?s)```.*?```", "").replaceAll("`[^`\n]*`", "");
            Matcher link = LINK.matcher(prose);
            while (link.find()) {
                String target = link.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(repo().relativize(doc) + ": " + target + " (no file)");
                } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(repo().relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links: " + broken);
    }

    /** GitHub's heading ids: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
    private static List<String> anchors(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        Matcher heading = HEADING.matcher(Files.readString(file));
        while (heading.find()) {
            ids.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return ids;
    }
}
