package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.healthguides.diagnostics.ContentErrors;
import org.healthguides.diagnostics.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @Test
    void guide_folders_read_in_parallel_come_back_in_name_order_with_their_problems_in_the_same_order(@TempDir Path content)
            throws IOException, ContentErrors {
        Files.writeString(content.resolve("site.yaml"), "title: Guides\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            names.add(String.format("guide-%02d", i));
        }
        // Created in a shuffled order, so that no order on disk can stand in for sorting.
        List<String> created = new ArrayList<>(names);
        Collections.shuffle(created, new Random(3));
        for (String name : created) {
            Path folder = Files.createDirectories(content.resolve(name));
            if (name.endsWith("7")) {
                // No index.md: its section belongs to no guide, a problem named after the folder.
                Files.writeString(folder.resolve("rest.md"), "---\ntitle: Rest\n---\nRest.\n");
            } else {
                Files.writeString(folder.resolve("index.md"), "---\ntitle: " + name + "\n---\nIntro.\n");
                Files.write(folder.resolve("rest.md"), "---\ntitle: Rest\n---\nRest \u2014 well.\n".getBytes(StandardCharsets.UTF_8));
            }
        }

        ContentTree tree = new ContentLoader(content, "content").load();

        List<String> guides = tree.guides().stream().map(GuideFiles::slug).toList();
        assertEquals(names.stream().filter(n -> !n.endsWith("7")).toList(), guides);
        List<String> problemFiles = tree.problems().stream().map(Problem::file).toList();
        assertEquals(names.stream().filter(n -> n.endsWith("7")).map(n -> "content/" + n + "/rest.md").toList(), problemFiles);
        GuideFiles first = tree.guides().get(0);
        assertEquals("guide-00/index.md", first.index().path());
        assertTrue(first.sections().get(0).text().endsWith("Rest \u2014 well.\n"), "non-ASCII text decoded as UTF-8");
    }
}
