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

    /** A small content folder: the settings, a guide's index and two sections. */
    private static Path threeFiles(Path content) throws IOException {
        Files.writeString(content.resolve("site.yaml"), "title: Guides\n");
        Path guide = Files.createDirectories(content.resolve("guide"));
        Files.writeString(guide.resolve("index.md"), "---\ntitle: Guide\n---\nIntro.\n");
        Files.writeString(guide.resolve("rest.md"), "---\ntitle: Rest\n---\nRest.\n");
        Files.writeString(guide.resolve("more.md"), "---\ntitle: More\n---\nMore.\n");
        return guide;
    }

    private static java.util.Map<String, String> fingerprints(ContentTree tree) {
        java.util.Map<String, String> prints = new java.util.TreeMap<>();
        for (GuideFiles guide : tree.guides()) {
            prints.put(guide.index().path(), java.util.HexFormat.of().formatHex(guide.index().fingerprint()));
            guide.sections().forEach(section -> prints.put(section.path(), java.util.HexFormat.of().formatHex(section.fingerprint())));
        }
        return prints;
    }

    /** Sets a file's text, keeping its size and putting its modification time back, as touch -d or cp -p would. */
    private static void editKeepingSizeAndTime(Path file, String text) throws IOException {
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        assertEquals(Files.size(file), text.getBytes(StandardCharsets.UTF_8).length, "the same size");
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, time);
    }

    @Test
    void with_the_last_loading_s_stat_data_unchanged_files_are_not_read_and_an_edit_that_keeps_size_and_time_is_seen(@TempDir Path content)
            throws IOException, ContentErrors, InterruptedException {
        Path guide = threeFiles(content);
        // The racy window: files changed less than FileStates.MARGIN before a loading began are read by the next one.
        ContentLoader first = new ContentLoader(content, "content");
        java.util.Map<String, String> cold = fingerprints(first.loadRecordingStates());
        ContentLoader right = new ContentLoader(content, "content");
        assertEquals(cold, fingerprints(right.loadUndecoded(first.states())));
        assertEquals(3, right.filesRead(), "just written: within the window, so every file is read");

        Thread.sleep(FileStates.MARGIN / 1_000_000 + 200);
        ContentLoader recording = new ContentLoader(content, "content");
        assertEquals(cold, fingerprints(recording.loadUndecoded(FileStates.NONE)));
        assertEquals(3, recording.filesRead());
        ContentLoader trusting = new ContentLoader(content, "content");
        ContentTree trusted = trusting.loadUndecoded(recording.states());
        assertEquals(0, trusting.filesRead(), "older than the window and stated the same: none read");
        assertEquals(cold, fingerprints(trusted), "the recorded fingerprints");
        assertEquals("---\ntitle: Rest\n---\nRest.\n", trusted.guides().get(0).sections().get(1).text(), "read when its text is needed");

        // The same size, the modification time set back: only the change time tells, and it does.
        editKeepingSizeAndTime(guide.resolve("rest.md"), "---\ntitle: Best\n---\nRest.\n");
        ContentLoader afterEdit = new ContentLoader(content, "content");
        ContentTree edited = afterEdit.loadUndecoded(trusting.states());
        assertEquals(1, afterEdit.filesRead(), "the edited file alone is read");
        assertEquals("---\ntitle: Best\n---\nRest.\n", edited.guides().get(0).sections().get(1).text());
        // Edited again right after, within the window: the record of the edited file is too recent to be trusted.
        editKeepingSizeAndTime(guide.resolve("rest.md"), "---\ntitle: Test\n---\nRest.\n");
        ContentLoader again = new ContentLoader(content, "content");
        ContentTree editedAgain = again.loadUndecoded(afterEdit.states());
        assertEquals(1, again.filesRead());
        assertEquals("---\ntitle: Test\n---\nRest.\n", ContentLoader.decoded(editedAgain).guides().get(0).sections().get(1).text());
    }

    @Test
    void a_file_within_the_racy_window_is_read_even_when_its_stat_data_are_all_as_recorded(@TempDir Path content)
            throws IOException, ContentErrors {
        threeFiles(content);
        ContentLoader recording = new ContentLoader(content, "content");
        java.util.Map<String, String> real = fingerprints(recording.loadRecordingStates());
        // What a build sees when a file is saved again within one timestamp tick of its reading, keeping its size: the
        // stat data it recorded, beside the fingerprint of bytes that are no longer there.
        java.util.Map<String, FileStates.State> stale = new java.util.HashMap<>();
        recording.states().files().forEach((path, state) -> stale.put(path, new FileStates.State(state.size(), state.modified(),
                state.changed(), state.inode(), state.device(), new byte[16])));
        ContentLoader racy = new ContentLoader(content, "content");
        assertEquals(real, fingerprints(racy.loadUndecoded(new FileStates(recording.states().trustedBefore(), stale))));
        assertEquals(3, racy.filesRead(), "changed within the window before the recording build began: read");
        // Were the window not kept, the stale fingerprints would be taken: the window is what catches such an edit.
        ContentLoader unsafe = new ContentLoader(content, "content");
        unsafe.loadUndecoded(new FileStates(Long.MAX_VALUE, stale));
        assertEquals(0, unsafe.filesRead());
    }

    @Test
    void a_symbolic_link_or_a_fifo_is_never_trusted_by_its_stat_data_and_reports_as_before(@TempDir Path content)
            throws IOException, ContentErrors {
        Path guide = threeFiles(content);
        Files.move(guide.resolve("more.md"), content.resolve("more-source.md.txt"));
        Files.createSymbolicLink(guide.resolve("more.md"), content.resolve("more-source.md.txt"));
        ContentLoader recording = new ContentLoader(content, "content");
        java.util.Map<String, String> real = fingerprints(recording.loadRecordingStates());
        assertEquals(java.util.Set.of("guide/index.md", "guide/rest.md"), recording.states().files().keySet(), "a link is not stated as a file");
        ContentLoader trusting = new ContentLoader(content, "content");
        assertEquals(real, fingerprints(trusting.loadUndecoded(new FileStates(Long.MAX_VALUE, recording.states().files()))));
        assertEquals(1, trusting.filesRead(), "the link is read, the two files are not");

        Files.delete(guide.resolve("rest.md"));
        Process mkfifo = new ProcessBuilder("mkfifo", guide.resolve("rest.md").toString()).start();
        assertEquals(0, assertDoesNotThrow(() -> mkfifo.waitFor()));
        ContentLoader fifo = new ContentLoader(content, "content");
        ContentTree tree = fifo.loadUndecoded(new FileStates(Long.MAX_VALUE, recording.states().files()));
        assertEquals(List.of("content/guide/rest.md"), tree.problems().stream().map(Problem::file).toList(), "reported as without a record");
        assertTrue(tree.problems().get(0).message().contains("not an ordinary file"), tree.problems().toString());
    }
}
