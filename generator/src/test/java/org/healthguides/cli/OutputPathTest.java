package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.healthguides.output.OutputFolder;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --out} can never destroy the user's work. Every case runs in a sacrificial project in a temporary
 * folder (with its own working folder and home folder, and absolute paths only), never in this repository; a
 * refused output must exit 2 with one line naming the folder and leave every file of the temporary tree as it was.
 */
class OutputPathTest {
    @TempDir
    Path tmp;

    private Path project;
    private Fixture fixture;

    @BeforeEach
    void sacrificialProject() {
        project = tmp.resolve("project");
        fixture = new Fixture(project);
        Fixture.write(project.resolve("notes.txt"), "the editor's own notes\n");
        Fixture.write(tmp.resolve("home/.profile"), "export EDITOR=vi\n");
    }

    private GuideRun build(Path workingDirectory, String out, String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--content", fixture.content.toString(), "--templates",
                fixture.templates.toString(), "--out", out));
        args.addAll(List.of(extra));
        return GuideRun.guideIn(workingDirectory, tmp.resolve("home"), args.toArray(String[]::new));
    }

    /** Every file and folder under the temporary folder, with each file's hash: equal maps mean nothing changed. */
    private Map<String, String> everything() throws IOException {
        Map<String, String> tree = new TreeMap<>(GuideRun.fingerprint(tmp));
        try (Stream<Path> walk = Files.walk(tmp)) {
            walk.filter(Files::isDirectory).forEach(folder -> tree.put(tmp.relativize(folder) + "/", "folder"));
        }
        return tree;
    }

    private void assertRefused(Path workingDirectory, String out, String phrase, String... extra) throws IOException {
        Map<String, String> before = everything();
        GuideRun run = build(workingDirectory, out, extra);
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), "one line:\n" + run.err());
        assertTrue(run.err().startsWith("guide: output folder '" + out + "' " + phrase), run.err());
        assertTrue(run.err().contains("nothing was written"), run.err());
        assertFalse(run.hasStackTrace(), run.err());
        assertEquals("", run.out());
        assertEquals(before, everything(), "nothing under the project, its siblings or the home folder changed");
    }

    @Test
    void the_content_folder_is_refused() throws IOException {
        assertRefused(project, fixture.content.toString(), "is the content folder");
    }

    @Test
    void the_templates_folder_is_refused() throws IOException {
        assertRefused(project, fixture.templates.toString(), "is the templates folder");
    }

    @Test
    void a_folder_inside_the_content_is_refused() throws IOException {
        assertRefused(project, fixture.content.resolve("lifting/_site").toString(), "is inside the content folder");
    }

    @Test
    void a_folder_holding_the_content_is_refused() throws IOException {
        assertRefused(tmp.resolve("elsewhere"), project.toString(), "holds the content folder");
    }

    @Test
    void the_project_folder_is_refused_even_when_the_content_is_elsewhere() throws IOException {
        Path work = tmp.resolve("work");
        Fixture.write(work.resolve("README.md"), "# My project\n");
        assertRefused(work, work.toString(), "is the current folder (the project)");
        assertRefused(work, tmp.toString(), "holds the content folder");
    }

    @Test
    void a_folder_holding_a_git_repository_is_refused_even_with_force() throws IOException {
        Path repository = tmp.resolve("repository");
        Fixture.write(repository.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Fixture.write(repository.resolve("src/App.java"), "class App {}\n");
        assertRefused(project, repository.toString(), "holds a .git repository", "--force");
        assertRefused(project, repository.resolve(".git").toString(), "is a .git folder or inside one", "--force");
        assertRefused(project, repository.resolve(".git/site").toString(), "is a .git folder or inside one", "--force");
    }

    @Test
    void the_root_of_the_file_system_is_refused() throws IOException {
        assertRefused(project, "/", "is the root of the file system", "--force");
    }

    @Test
    void the_home_folder_and_its_parents_are_refused() throws IOException {
        assertRefused(project, tmp.resolve("home").toString(), "is the home folder", "--force");
        Path homes = tmp.resolve("homes");
        Fixture.write(homes.resolve("alice/.profile"), "\n");
        Map<String, String> before = everything();
        GuideRun run = GuideRun.guideIn(project, homes.resolve("alice"), "build", "--content", fixture.content.toString(), "--templates",
                fixture.templates.toString(), "--out", homes.toString(), "--force");
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("holds the home folder"), run.err());
        assertEquals(before, everything());
    }

    @Test
    void a_file_is_refused() throws IOException {
        assertRefused(project, project.resolve("notes.txt").toString(), "is a file, not a folder", "--force");
    }

    @Test
    void a_symbolic_link_is_refused_and_a_link_in_the_path_does_not_hide_the_content() throws IOException {
        Files.createSymbolicLink(tmp.resolve("to-content"), fixture.content);
        assertRefused(project, tmp.resolve("to-content").toString(), "is a symbolic link", "--force");
        Files.createSymbolicLink(tmp.resolve("to-project"), project);
        assertRefused(project, tmp.resolve("to-project/content").toString(), "is the content folder", "--force");
    }

    @Test
    void a_non_empty_folder_no_build_wrote_is_refused_without_force() throws IOException {
        Fixture.write(tmp.resolve("docs/manual.md"), "# Manual\n");
        assertRefused(project, tmp.resolve("docs").toString(), "is not empty and was not written by 'guide build' (it has no .guide-site)");
    }

    @Test
    void force_replaces_a_non_protected_folder_and_touches_nothing_else() throws IOException {
        Fixture.write(tmp.resolve("docs/manual.md"), "# Manual\n");
        Map<String, String> project = GuideRun.fingerprint(this.project);
        Map<String, String> home = GuideRun.fingerprint(tmp.resolve("home"));
        GuideRun run = build(this.project, tmp.resolve("docs").toString(), "--force");
        assertEquals(0, run.exit(), run.err());
        assertFalse(Files.exists(tmp.resolve("docs/manual.md")), "--force replaced the folder");
        assertTrue(Files.isRegularFile(tmp.resolve("docs").resolve(OutputFolder.MARKER)));
        assertTrue(Files.isRegularFile(tmp.resolve("docs/index.html")));
        assertEquals(project, GuideRun.fingerprint(this.project));
        assertEquals(home, GuideRun.fingerprint(tmp.resolve("home")));
        GuideRun.assertNoLeftovers(tmp);
    }

    @Test
    void a_site_a_build_wrote_and_an_empty_folder_are_replaced_without_force() throws IOException {
        Files.createDirectories(tmp.resolve("site"));
        assertEquals(0, build(project, tmp.resolve("site").toString()).exit(), "an empty folder");
        assertTrue(Files.isRegularFile(tmp.resolve("site").resolve(OutputFolder.MARKER)), "every build marks its site");
        GuideRun again = build(project, tmp.resolve("site").toString());
        assertEquals(0, again.exit(), again.err());
        GuideRun.assertNoLeftovers(tmp);
    }
}
