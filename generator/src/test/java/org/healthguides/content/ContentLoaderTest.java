package org.healthguides.content;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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

    private static final byte[] LATIN_1 = "---\ntitle: Caf\u00e9\n---\nText.\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void files_are_read_undecoded_and_decoding_them_reports_what_a_loading_that_decodes_reports(@TempDir Path content)
            throws IOException, ContentErrors {
        Files.writeString(content.resolve("site.yaml"), "title: Guides\n");
        Path good = Files.createDirectories(content.resolve("good"));
        Files.write(good.resolve("index.md"), ("\uFEFF---\r\ntitle: Good\r\n---\r\nIntro.\r\n").getBytes(StandardCharsets.UTF_8));
        Files.write(good.resolve("bad.md"), LATIN_1); // a section that is not UTF-8: left out, its name kept
        Files.writeString(good.resolve("rest.md"), "---\ntitle: Rest\n---\nRest \u2014 well.\n");
        Files.write(good.resolve("index.cy.md"), LATIN_1); // a translation that is not UTF-8: its language goes
        Files.writeString(good.resolve("index.fr.md"), "---\ntitle: Bon\n---\nIntro.\n");
        Path broken = Files.createDirectories(content.resolve("broken"));
        Files.write(broken.resolve("index.md"), LATIN_1); // an index that is not UTF-8: the guide is left out
        Files.writeString(broken.resolve("rest.md"), "---\ntitle: Rest\n---\nRest.\n");

        ContentLoader loader = new ContentLoader(content, "content");
        ContentTree undecoded = loader.loadUndecoded();
        assertEquals(List.of(), undecoded.problems(), "nothing is decoded yet, so nothing is found wrong");
        assertEquals(List.of("broken", "good"), undecoded.guides().stream().map(GuideFiles::slug).toList());
        for (GuideFiles files : undecoded.guides()) {
            List<SourceFile> all = new ArrayList<>(files.sections());
            all.add(files.index());
            files.translations().values().forEach(all::addAll);
            for (SourceFile file : all) {
                assertTrue(!file.isDecoded(), file.path());
                byte[] bytes = Files.readAllBytes(content.resolve(file.path()));
                assertTrue(java.util.Arrays.equals(SourceFile.fingerprint(bytes, bytes.length), file.fingerprint()), "the bytes' fingerprint: " + file.path());
            }
        }

        ContentTree decoded = ContentLoader.decoded(undecoded);
        ContentTree loaded = loader.load();
        assertEquals(sorted(loaded.problems()), sorted(decoded.problems()));
        assertEquals(List.of("content/broken/index.md:2: error[G", "content/good/bad.md:2: error[G", "content/good/index.cy.md:2: error[G"),
                sorted(decoded.problems()).stream().map(p -> p.toString().substring(0, p.toString().indexOf("G") + 1)).toList());
        assertEquals(loaded.guides(), decoded.guides(), "the same guides, files and texts");
        GuideFiles guide = decoded.guides().get(0);
        assertEquals("good", guide.slug());
        assertEquals("---\ntitle: Good\n---\nIntro.\n", guide.index().text(), "the mark removed, the line ends made Unix ones");
        assertEquals(List.of("good/rest.md"), guide.sections().stream().map(SourceFile::path).toList());
        assertEquals(List.of("bad", "rest"), guide.sectionNames());
        assertEquals(java.util.Set.of("fr"), guide.translations().keySet());
        assertTrue(guide.index() == undecoded.guides().get(1).index(), "the very files read: their fingerprints were taken from them");
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(Problem.BY_LOCATION).toList();
    }

    @Test
    void a_file_changed_between_its_reading_and_the_use_of_its_text_is_an_error_never_the_other_text(@TempDir Path content)
            throws IOException, ContentErrors {
        Files.writeString(content.resolve("site.yaml"), "title: Guides\n");
        Path guide = Files.createDirectories(content.resolve("guide"));
        Files.writeString(guide.resolve("index.md"), "---\ntitle: Guide\n---\nIntro.\n");
        Files.writeString(guide.resolve("rest.md"), "---\ntitle: Rest\n---\nRest.\n");
        Files.writeString(guide.resolve("more.md"), "---\ntitle: More\n---\nMore.\n");
        ContentTree undecoded = new ContentLoader(content, "content").loadUndecoded();
        // Saved again after the build read it: the same length, another text; and one replaced by a FIFO (never opened).
        Files.writeString(guide.resolve("rest.md"), "---\ntitle: Best\n---\nRest.\n");
        Files.delete(guide.resolve("more.md"));
        Process mkfifo = new ProcessBuilder("mkfifo", guide.resolve("more.md").toString()).start();
        assertEquals(0, assertDoesNotThrow(() -> mkfifo.waitFor()));

        ContentTree decoded = ContentLoader.decoded(undecoded);
        assertEquals(List.of("content/guide/more.md: error[", "content/guide/rest.md: error["),
                sorted(decoded.problems()).stream().map(p -> p.toString().substring(0, p.toString().indexOf("[") + 1)).toList());
        assertTrue(decoded.problems().stream().allMatch(p -> p.message().contains("changed") && p.isError()), decoded.problems().toString());
        assertEquals(List.of(), decoded.guides().get(0).sections(), "neither is used");
        SourceFile index = decoded.guides().get(0).index();
        assertEquals("---\ntitle: Guide\n---\nIntro.\n", index.text(), "an unchanged file reads back its own text");
        Files.writeString(guide.resolve("index.md"), "---\ntitle: Other\n---\nIntro.\n");
        assertEquals("---\ntitle: Guide\n---\nIntro.\n", index.text(), "decoded once, then kept");
    }
}
