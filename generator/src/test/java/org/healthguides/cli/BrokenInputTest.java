package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture suite of broken inputs. Each case starts from a good site already built into the output folder,
 * breaks one thing, and runs {@code guide build}: it must exit with the right code, name the right file and
 * line, say what is wrong, print no stack trace, and leave the built site byte-for-byte as it was.
 * {@code guide check} must report exactly the same problems.
 */
class BrokenInputTest {
    @TempDir
    Path root;

    /** How a case breaks the fixture. */
    private interface Breakage extends Consumer<Fixture> {
    }

    private static final String SECTION_HEAD = "---\ntitle: Basics\norder: 1\n---\n";

    /** basics.md with this body; the body's first line is line 5 of the file. */
    private static Breakage basicsBody(String body) {
        return f -> Fixture.write(f.content.resolve("lifting/basics.md"), SECTION_HEAD + body);
    }

    /** basics.md as in the fixture (9 lines) plus an empty line and then this text, from line 11. */
    private static Breakage basicsPlus(String text) {
        return f -> Fixture.write(f.content.resolve("lifting/basics.md"), Fixture.BASICS + "\n" + text + "\n");
    }

    private static Breakage replaceIn(String file, String from, String to) {
        return f -> {
            Path path = f.content.getParent().resolve(file);
            try {
                String text = Files.readString(path);
                if (!text.contains(from)) {
                    throw new IllegalStateException(file + " does not contain " + from);
                }
                Fixture.write(path, text.replace(from, to));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static Breakage writeFile(String file, String text) {
        return f -> Fixture.write(f.content.getParent().resolve(file), text);
    }

    private static Breakage writeBytes(String file, byte[] bytes) {
        return f -> {
            try {
                Files.write(f.content.getParent().resolve(file), bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static Breakage delete(String file) {
        return f -> {
            try {
                Files.delete(f.content.getParent().resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** A symbolic link at {@code link} (relative to the fixture root) to {@code target} (relative to it too). */
    private static Breakage symlink(String link, String target) {
        return f -> {
            try {
                Path root = f.content.getParent();
                Files.createDirectories(root.resolve(link).getParent());
                Files.createSymbolicLink(root.resolve(link), root.resolve(target).toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** A named pipe: reading it blocks until someone writes, so the loader must never open one. */
    private static Breakage fifo(String file) {
        return f -> {
            try {
                Process mkfifo = new ProcessBuilder("mkfifo", f.content.getParent().resolve(file).toString()).inheritIO().start();
                if (mkfifo.waitFor() != 0) {
                    throw new IllegalStateException("mkfifo failed");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static Breakage sections(int count) {
        return f -> {
            for (int i = 3; i <= count; i++) {
                Fixture.write(f.content.resolve("lifting/part-" + i + ".md"), "---\ntitle: Part " + i + "\norder: " + i + "\n---\nText.\n");
            }
        };
    }

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">";

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    private static String nestedList(int levels) {
        StringBuilder list = new StringBuilder();
        for (int level = 0; level < levels; level++) {
            list.append("  ".repeat(level)).append("- level ").append(level).append('\n');
        }
        return list.toString();
    }

    /** "billion laughs": each level a list of aliases to the level before. */
    private static String aliasBomb(int levels, int width) {
        StringBuilder yaml = new StringBuilder("---\ntitle: Basics\norder: 1\nl0: &l0 [lol]\n");
        for (int level = 1; level <= levels; level++) {
            yaml.append("l").append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(width, "*l" + (level - 1)))).append("]\n");
        }
        return yaml.append("---\nText.\n").toString();
    }

    private static String nestedMappings(int levels) {
        StringBuilder yaml = new StringBuilder("---\ntitle: Basics\norder: 1\n");
        for (int level = 0; level < levels; level++) {
            yaml.append(" ".repeat(level)).append("k").append(level).append(":\n");
        }
        return yaml.append(" ".repeat(levels)).append("end: 1\n---\nText.\n").toString();
    }

    private static Arguments broken(String name, Breakage breakage, String file, int line, String phrase, String... args) {
        return Arguments.of(name, breakage, file, line, phrase, 1, args);
    }

    static Stream<Arguments> cases() {
        String basics = "content/lifting/basics.md";
        String recovery = "content/lifting/recovery.md";
        String index = "content/lifting/index.md";
        String settings = "content/site.yaml";
        return Stream.of(
                // Front matter
                broken("front matter never closed", basicsBody("title: x\n## Stand tall\n").andThen(writeFile(basics, "---\ntitle: Basics\norder: 1\n## Stand tall\n"))::accept,
                        basics, 1, "front matter is not closed"),
                broken("no front matter at all", writeFile(basics, "## Stand tall\n\nText.\n"), basics, 1, "does not start with front matter"),
                broken("invalid YAML: colon in a value", writeFile(basics, "---\ntitle: Basics: the start\norder: 1\n---\nText.\n"), basics, 2, "invalid YAML"),
                broken("invalid YAML: unclosed quote, reported at the opening quote", writeFile(basics, "---\ntitle: \"Basics\norder: 1\n---\nText.\n"), basics, 2, "invalid YAML: this quoted value is never closed"),
                broken("invalid YAML: tab indentation", writeFile(basics, "---\ntitle: Basics\n\torder: 1\n---\nText.\n"), basics, 3, "invalid YAML"),
                broken("unknown key with did-you-mean", replaceIn(basics, "title: Basics", "titel: Basics"), basics, 2, "unknown key 'titel' — did you mean 'title'?"),
                broken("order is not a number", replaceIn(basics, "order: 1", "order: two"), basics, 3, "'order' must be a whole number"),
                broken("missing title", replaceIn(basics, "title: Basics\n", ""), basics, 1, "missing 'title'"),
                broken("missing order", replaceIn(basics, "order: 1\n", ""), basics, 1, "missing 'order'"),
                broken("title is a list", replaceIn(basics, "title: Basics", "title: [Basics, More]"), basics, 2, "'title' must be text"),
                broken("key given twice", replaceIn(basics, "order: 1", "order: 1\ntitle: Again"), basics, 4, "key 'title' is given twice"),
                broken("duplicate order in a guide", replaceIn(recovery, "order: 2", "order: 1"), recovery, 3, "order 1 is also used by"),
                broken("duplicate slug in a guide", writeFile("content/lifting/Basics.md", "---\ntitle: More basics\norder: 3\n---\nText.\n"),
                        basics, 0, "section slug 'basics' is also used by"),
                broken("section named like the whole-guide page", writeFile("content/lifting/whole-guide.md", "---\ntitle: All\norder: 3\n---\nText.\n"),
                        "content/lifting/whole-guide.md", 0, "is reserved"),
                // Hostile YAML: bounded, reported at the file and line, never a hang or a stack overflow
                broken("YAML alias bomb (billion laughs)", writeFile(basics, aliasBomb(9, 9)), basics, 4,
                        "a YAML alias of a list or mapping (anchored here with '&') is used again"),
                broken("YAML alias bomb with more aliases than the limit", writeFile(basics, aliasBomb(12, 10)), basics, 1, "invalid YAML"),
                broken("YAML alias bomb under the alias limit", writeFile(basics, aliasBomb(10, 2)), basics, 4,
                        "a YAML alias of a list or mapping (anchored here with '&') is used again"),
                broken("recursive YAML alias", writeFile(basics, "---\ntitle: Basics\norder: 1\nloop: &a [x, *a]\n---\nText.\n"), basics, 4,
                        "a YAML alias of a list or mapping (anchored here with '&') is used again"),
                broken("YAML flow lists 10,000 deep", writeFile(basics, "---\ntitle: Basics\norder: 1\ndeep: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\nText.\n"),
                        basics, 4, "lists and mappings are nested more than 20 levels deep"),
                broken("YAML block mappings 30 deep", writeFile(basics, nestedMappings(30)), basics, 24, "lists and mappings are nested more than 20 levels deep"),
                broken("front matter of 100,000 characters", writeFile(basics, "---\ntitle: Basics\norder: 1\nnote: " + "x".repeat(100_000) + "\n---\nText.\n"),
                        basics, 1, "characters long; at most 65536 are read"),
                broken("settings: YAML alias bomb", writeFile(settings, Fixture.SETTINGS + "l0: &l0 [lol]\nl1: &l1 [*l0, *l0]\nl2: [*l1, *l1]\n"), settings, 9,
                        "is used again"),
                broken("review date not a date", replaceIn(index, "reviewed: 2026-11-24", "reviewed: 24/11/2026"), index, 4, "'reviewed' must be a date"),
                broken("next review before review", replaceIn(index, "next_review: 2027-11-24", "next_review: 2025-01-01"), index, 5, "'next_review' is not after 'reviewed'"),
                // Files
                broken("empty section file", writeFile(basics, ""), basics, 1, "file is empty"),
                broken("section of blank lines", writeFile(basics, "\n\n   \n"), basics, 1, "file is empty"),
                broken("empty guide index", writeFile(index, ""), index, 1, "file is empty"),
                broken("Latin-1 byte in a section", writeBytes(basics, concat(Fixture.BASICS + "\nCaf", new byte[] {(byte) 0xE9}, " au lait\n")),
                        basics, 11, "file is not valid UTF-8 (byte 0xE9 at byte offset " + (Fixture.BASICS + "\nCaf").getBytes(StandardCharsets.UTF_8).length + ")"),
                broken("Latin-1 byte in a guide's index.md", writeBytes(index, concat(Fixture.INDEX + "\nCaf", new byte[] {(byte) 0xE9}, "\n")),
                        index, (Fixture.INDEX + "\nCaf").split("\n", -1).length, "file is not valid UTF-8 (byte 0xE9"),
                broken("Latin-1 byte in a translation", writeBytes("content/lifting/index.cy.md", concat("---\ntitle: Caf", new byte[] {(byte) 0xE9}, "\n---\nText.\n")),
                        "content/lifting/index.cy.md", 2, "file is not valid UTF-8 (byte 0xE9 at byte offset 14)"),
                broken("byte order mark, Windows line ends and a Latin-1 byte", writeBytes(basics, concat("\uFEFF" + (Fixture.BASICS + "\nCaf").replace("\n", "\r\n"),
                        new byte[] {(byte) 0xE9}, "\r\n")), basics, 11, "file is not valid UTF-8 (byte 0xE9 at byte offset "
                        + ("\uFEFF" + (Fixture.BASICS + "\nCaf").replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8).length + ")"),
                broken("UTF-16 section file", writeBytes(basics, "---\ntitle: Basics\n".getBytes(StandardCharsets.UTF_16)), basics, 1,
                        "file is not valid UTF-8 (byte 0xFE at byte offset 0)"),
                broken("Markdown file beside the guides", writeFile("content/notes.md", "---\ntitle: Notes\n---\n"), "content/notes.md", 0, "belongs to no guide"),
                broken("Markdown file in a folder with no index.md", writeFile("content/drafts/knee.md", "---\ntitle: Knee\norder: 1\n---\n"),
                        "content/drafts/knee.md", 0, "belongs to no guide"),
                broken("Markdown file in a guide's subfolder", writeFile("content/lifting/images/notes.md", "Notes\n"),
                        "content/lifting/images/notes.md", 0, "belongs to no guide"),
                // Warnings (callouts)
                broken("unknown care card kind", replaceIn(recovery, "!!! urgent", "!!! urgnet"), recovery, 7, "unknown care card kind 'urgnet' — did you mean 'urgent'?"),
                broken("care card with no indented body", replaceIn(recovery, "    - sharp night pain\n    - numbness", "\n- sharp night pain\n- numbness"),
                        recovery, 7, "care card '!!! urgent' has no content"),
                broken("required warning missing", writeFile(recovery, "---\ntitle: Recovery\norder: 2\n---\n## When to see a doctor\n\nRest.\n"),
                        recovery, 0, "is missing required care card 'red flags'"),
                broken("required warning lost a phrase", replaceIn(recovery, "    - numbness down your legs\n", ""), recovery, 7,
                        "required care card 'red flags' does not mention: 'numbness'"),
                broken("required warning of an unknown kind", replaceIn(index, "kind: urgent", "kind: urgnet"), index, 8, "names unknown kind 'urgnet'"),
                broken("required warning in a section that does not exist", replaceIn(index, "section: recovery", "section: recover"), index, 8,
                        "requires care card 'red flags' in section 'recover', which does not exist"),
                broken("required section missing", replaceIn(index, "required_sections: [basics, recovery]", "required_sections: [basics, recovery, safety]"),
                        index, 6, "is missing required section 'safety'"),
                // Markdown
                broken("fenced code block never closed", basicsPlus("```\nsquat 100"), basics, 11, "code block opened with ``` is never closed"),
                broken("heading level skipped", basicsPlus("#### Too deep"), basics, 11, "heading level skips from h2 to h4"),
                broken("top-level heading in the body", basicsPlus("# Another title"), basics, 11, "heading is not allowed in the body"),
                broken("same heading twice", basicsPlus("## Stand tall"), basics, 11, "repeats the heading on line 5"),
                broken("headings that make the same id", basicsPlus("## Stand tall!"), basics, 11, "repeats the heading on line 5"),
                broken("reference never defined", basicsPlus("A claim.[^missing]"), basics, 11, "reference [^missing] has no definition"),
                broken("nesting 1,000 levels deep", basicsPlus(nestedList(1000)), basics, 11 + 32, "nested 33 levels deep"),
                broken("a paragraph of 32,000 link openers", basicsPlus("[a](\n".repeat(32_000)), basics, 11, "this paragraph has more than 1,000 links or '](' openers"),
                broken("a 100,000-character line", basicsPlus("word ".repeat(20_000)), basics, 11, "100,000 characters long"),
                // Links and images
                broken("link to a missing section", basicsPlus("See [the end](ending.md)."), basics, 11, "link 'ending.md' leads nowhere"),
                broken("link to a missing anchor on another page", replaceIn(basics, "recovery.md#when-to-see-a-doctor", "recovery.md#when-to-worry"),
                        basics, 7, "points to #when-to-worry, which is not on that page"),
                broken("link to a missing anchor on the same page", basicsPlus("Go [up](#stand-taller)."), basics, 11, "points to #stand-taller"),
                broken("link that leaves the site", basicsPlus("[passwords](../../../etc/passwd)"), basics, 11, "points outside the site"),
                broken("image without alt text", basicsPlus("![](bar.png)").andThen(writeBytes("content/lifting/bar.png", new byte[] {1, 2, 3}))::accept,
                        basics, 11, "image 'bar.png' has no alt text"),
                broken("image file missing", basicsPlus("![A flat back](flat-back.jpg)"), basics, 11, "image 'flat-back.jpg' leads nowhere"),
                // Files other than Markdown: only images and PDFs are published, HTML never, SVG only without script
                broken("HTML file in a guide folder", writeFile("content/lifting/page.html", "<p>Hi</p><script>alert(1)</script>\n"),
                        "content/lifting/page.html", 0, "HTML files in the content are not published"),
                broken("HTML file in a guide's image folder", writeFile("content/lifting/images/page.htm", "<script>alert(1)</script>\n"),
                        "content/lifting/images/page.htm", 0, "HTML files in the content are not published"),
                broken("a file type that is not published", writeFile("content/lifting/notes.txt", "my notes\n"),
                        "content/lifting/notes.txt", 0, "files of type '.txt' are not published"),
                broken("a file without a type", writeFile("content/lifting/Makefile", "all:\n"),
                        "content/lifting/Makefile", 0, "files of type 'Makefile' are not published"),
                broken("SVG with a script", writeFile("content/lifting/bar.svg", SVG + "<script>alert(1)</script></svg>"),
                        "content/lifting/bar.svg", 0, "this SVG image is not published: it contains <script>"),
                broken("SVG with an event handler", writeFile("content/lifting/bar.svg", SVG + "<circle r=\"4\" onload=\"alert(1)\"/></svg>"),
                        "content/lifting/bar.svg", 0, "it has an event handler (onload on <circle>)"),
                broken("SVG with foreignObject", writeFile("content/lifting/bar.svg", SVG + "<foreignObject><p>HTML</p></foreignObject></svg>"),
                        "content/lifting/bar.svg", 0, "it contains <foreignObject>"),
                broken("SVG with a javascript: link", writeFile("content/lifting/bar.svg", SVG + "<a xlink:href=\" jav&#x09;ascript:alert(1)\"><text>x</text></a></svg>"),
                        "content/lifting/bar.svg", 0, "this SVG image is not published"),
                broken("SVG referring to another file", writeFile("content/lifting/bar.svg", SVG + "<image href=\"https://tracker.example/p.png\"/></svg>"),
                        "content/lifting/bar.svg", 0, "it refers to another file or address"),
                broken("SVG with an external url() in a style", writeFile("content/lifting/bar.svg", SVG + "<rect style=\"fill:url(https://x.example/a.svg#g)\"/></svg>"),
                        "content/lifting/bar.svg", 0, "refers to another file (url(…))"),
                broken("SVG in templates/static with a script", writeFile("templates/static/logo.svg", SVG + "<script>alert(1)</script></svg>"),
                        "templates/static/logo.svg", 0, "this SVG image is not published: it contains <script>"),
                broken("script file in templates/static", writeFile("templates/static/app.js", "alert(1)\n"),
                        "templates/static/app.js", 0, "files of type '.js' are not published"),
                // Symbolic links, FIFOs and odd names
                broken("image linked from outside the content", writeFile("secret.txt", "root:x:0:0\n").andThen(symlink("content/lifting/passwd.png", "secret.txt"))::accept,
                        "content/lifting/passwd.png", 0, "this symbolic link leads outside"),
                broken("section linked from outside the content", writeFile("outside.md", "---\ntitle: Outside\norder: 3\n---\nText.\n")
                        .andThen(symlink("content/lifting/outside.md", "outside.md"))::accept, "content/lifting/outside.md", 0, "this symbolic link leads outside"),
                broken("folder linked from outside the content", writeFile("elsewhere/photo.png", "png").andThen(symlink("content/lifting/images", "elsewhere"))::accept,
                        "content/lifting/images", 0, "this symbolic link leads outside"),
                broken("link that leads nowhere", symlink("content/lifting/gone.png", "no-such-file.png"), "content/lifting/gone.png", 0, "this symbolic link leads nowhere"),
                broken("static file linked from outside the templates", writeFile("secret.txt", "root:x:0:0\n").andThen(symlink("templates/static/passwd.css", "secret.txt"))::accept,
                        "templates/static/passwd.css", 0, "this link points outside"),
                broken("FIFO in templates/static", fifo("templates/static/stuck.css"), "templates/static/stuck.css", 0, "is not an ordinary file"),
                broken("FIFO as a page template", delete("templates/section.ftlh").andThen(fifo("templates/section.ftlh"))::accept,
                        "templates/section.ftlh", 0, "is not an ordinary file"),
                broken("page template linked from outside the templates", writeFile("evil.ftlh", "<html>${site.title}</html>\n")
                        .andThen(delete("templates/section.ftlh")).andThen(symlink("templates/section.ftlh", "evil.ftlh"))::accept,
                        "templates/section.ftlh", 0, "is a symbolic link that leads outside the templates folder"),
                broken("FIFO as a section file", fifo("content/lifting/stuck.md"), "content/lifting/stuck.md", 0, "is not an ordinary file"),
                broken("FIFO as an image", fifo("content/lifting/stuck.png"), "content/lifting/stuck.png", 0, "is not an ordinary file"),
                broken("guide folder named 404.html", writeFile("content/404.html/index.md", Fixture.INDEX), "content/404.html/index.md", 0,
                        "folder name '404.html' does not make a clean address"),
                broken("section named a?b.md", writeFile("content/lifting/a?b.md", "---\ntitle: A\norder: 3\n---\nText.\n"), "content/lifting/a?b.md", 0,
                        "file name 'a?b.md' does not make a clean address"),
                broken("section named c#d.md", writeFile("content/lifting/c#d.md", "---\ntitle: C\norder: 3\n---\nText.\n"), "content/lifting/c#d.md", 0,
                        "file name 'c#d.md' does not make a clean address"),
                broken("section named e%20f.md", writeFile("content/lifting/e%20f.md", "---\ntitle: E\norder: 3\n---\nText.\n"), "content/lifting/e%20f.md", 0,
                        "file name 'e%20f.md' does not make a clean address"),
                broken("more than 500 sections in a guide", sections(501), index, 0, "has 501 section files; a guide may have at most 500"),
                // Raw HTML and unsafe links are warnings; --strict makes them errors
                broken("script tag under --strict", basicsPlus("<script>alert(1)</script>"), basics, 11, "raw HTML '<script>alert(1)</script>' was sanitised", "--strict"),
                broken("javascript: link under --strict", basicsPlus("[click](javascript:alert(1))"), basics, 11, "unsafe link 'javascript:alert(1)' was removed", "--strict"),
                // Templates
                broken("template syntax error", writeFile("templates/section.ftlh", "<html>\n<#if page.title>\n"), "templates/section.ftlh", 2, "template syntax error"),
                broken("template uses an undefined variable", writeFile("templates/section.ftlh", "<html>\n${page.nonsense}\n"), "templates/section.ftlh", 2,
                        "(while rendering page '/lifting/basics/')"),
                broken("template macro that calls itself forever", writeFile("templates/section.ftlh", "<#macro r n><@r n + 1/></#macro>\n<@r 0/>\n"),
                        "templates/section.ftlh", 0, "template calls itself too deeply (stack overflow)"),
                broken("template missing", delete("templates/guide.ftlh"), "templates/guide.ftlh", 0, "template not found"),
                // Templates that try to run code: each escape route out of FreeMarker is refused while rendering
                broken("template runs a command with ?new and Execute",
                        writeFile("templates/section.ftlh", "<html>\n<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n"),
                        "templates/section.ftlh", 2, "freemarker.template.utility.Execute is not allowed in the template for security reasons"),
                broken("template builds objects with ObjectConstructor",
                        writeFile("templates/section.ftlh", "<html>\n<#assign oc=\"freemarker.template.utility.ObjectConstructor\"?new()>"
                                + "${oc(\"java.lang.ProcessBuilder\", \"id\").start()}\n"),
                        "templates/section.ftlh", 2, "freemarker.template.utility.ObjectConstructor is not allowed in the template for security reasons"),
                broken("template runs Python with JythonRuntime",
                        writeFile("templates/section.ftlh", "<html>\n<#assign py=\"freemarker.template.utility.JythonRuntime\"?new()><@py>import os</@py>\n"),
                        "templates/section.ftlh", 2, "freemarker.template.utility.JythonRuntime is not allowed in the template for security reasons"),
                broken("template reaches Java through getClass", writeFile("templates/section.ftlh", "<html>\n${site.getClass().getProtectionDomain()}\n"),
                        "templates/section.ftlh", 2, "template error"),
                broken("template reaches static models", writeFile("templates/section.ftlh", "<html>\n${statics[\"java.lang.System\"].exit(0)}\n"),
                        "templates/section.ftlh", 2, "template error"),
                broken("template reaches Java with ?api",
                        writeFile("templates/section.ftlh", "<html>\n${site?api.getClass().getProtectionDomain()}\n"),
                        "templates/section.ftlh", 2, "api_builtin_enabled"),
                // Settings
                broken("settings: base_url not an address", replaceIn(settings, "base_url: https://guides.test/", "base_url: ftp://example.org"), settings, 3,
                        "is not an http(s) address or a path"),
                broken("settings: language not a language tag", replaceIn(settings, "language: en-GB", "language: \"123\""), settings, 2, "is not a language tag"),
                broken("settings: misspelt key", replaceIn(settings, "disclaimer:", "disclaimr:"), settings, 4, "unknown key 'disclaimr' — did you mean 'disclaimer'?"),
                broken("settings: warning kind without a label", replaceIn(settings, "label: \"Important\", ", ""), settings, 7, "missing 'label'"),
                broken("settings: invalid YAML", replaceIn(settings, "warning_kinds:\n", "warning_kinds:\n - wrong\n"), settings, 7, "invalid YAML"),
                broken("settings: file missing", delete(settings), settings, 0, "site settings file not found"),
                broken("settings: not UTF-8", writeBytes(settings, concat("title: Caf", new byte[] {(byte) 0xE9}, "\n")), settings, 1, "not valid UTF-8"),
                broken("--base-url not an address", f -> { }, "--base-url", 0, "is not an http(s) address", "--base-url", "ftp://nope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    // A case that hangs (a FIFO read, a quadratic parse) fails instead of stopping the suite.
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void is_reported_at_file_and_line_and_the_last_good_site_survives(String name, Consumer<Fixture> breakage, String file, int line,
                                                                       String phrase, int exit, String[] args) throws IOException {
        Fixture fixture = new Fixture(root);
        GuideRun good = GuideRun.on(fixture, "build");
        assertEquals(0, good.exit(), good.err());
        Map<String, String> before = GuideRun.fingerprint(fixture.out);

        Fixture.write(root.resolve("notes.txt"), "a file beside the project\n");
        breakage.accept(fixture);
        Map<String, String> inputs = inputs(fixture);
        GuideRun build = GuideRun.on(fixture, "build", args);

        assertEquals(exit, build.exit(), build.err());
        String where = (file.startsWith("--") ? file : root.resolve(file).toString()) + (line > 0 ? ":" + line + ":" : ": ");
        assertTrue(build.problems().stream().anyMatch(p -> p.startsWith(where) && p.contains(phrase)),
                "expected a line starting '" + where + "' containing '" + phrase + "' in:\n" + build.err());
        assertTrue(build.problems().stream().allMatch(p -> p.matches("^\\S.*: (error|warning)\\[G\\d{4}\\]: .+ — .+")),
                "every problem is one line 'file:line: severity: what — how to fix':\n" + build.err());
        assertFalse(build.hasStackTrace(), build.err());
        assertEquals(before, GuideRun.fingerprint(fixture.out), "the last good site is unchanged");
        GuideRun.assertNoLeftovers(root);

        GuideRun check = GuideRun.on(fixture, "check", args);
        assertEquals(exit, check.exit(), check.err());
        assertEquals(build.problems(), check.problems(), "check reports what build reports");
        assertEquals(inputs, inputs(fixture), "the content, the templates and a file beside them are unchanged");
    }

    /** Every regular file of the content and templates folders and the file beside them, with its hash. */
    private Map<String, String> inputs(Fixture fixture) throws IOException {
        Map<String, String> all = new java.util.TreeMap<>();
        GuideRun.fingerprint(fixture.content).forEach((file, hash) -> all.put("content/" + file, hash));
        GuideRun.fingerprint(fixture.templates).forEach((file, hash) -> all.put("templates/" + file, hash));
        all.put("notes.txt", java.util.HexFormat.of().formatHex(Files.readAllBytes(root.resolve("notes.txt"))));
        return all;
    }
}
