package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.healthguides.content.FrontMatter;
import org.healthguides.content.SourceFile;
import org.healthguides.content.YamlNode;
import org.healthguides.diagnostics.ContentErrors;
import org.junit.jupiter.api.Test;

/**
 * The build cache keeps each file's parsed front matter so an unchanged file's YAML is not parsed again: what it
 * reads back must be exactly what parsing gives (values, kinds, lines, columns, key order), for every shape of YAML.
 */
class StoredFrontMatterTest {

    private static Map<String, YamlNode> roundTrip(Map<String, YamlNode> fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        BuildCache.writeYamlMapping(out, fields);
        out.flush();
        EntryReader in = new EntryReader(bytes.toByteArray());
        Map<String, YamlNode> read = BuildCache.readYamlMapping(in);
        assertEquals(-1, in.read(), "everything written is read");
        return read;
    }

    @Test
    void every_shape_of_front_matter_reads_back_as_parsed() throws ContentErrors, IOException {
        String text = """
                ---
                title: "Quoted: with a colon"
                order: 3
                empty:
                tilde: ~
                unicode: Cymraeg — ŵ ŷ, العربية, 😀
                required_sections: [basics, recovery]
                required_warnings:
                  - name: red flags
                    kind: urgent
                    mentions: [night pain, numbness]
                  - []
                reviewed_by:
                  name: Alex Fixture
                  nested: {a: {b: [1, {c: null}]}}
                folded: >
                  two
                  lines
                ---
                Body.
                """;
        Map<String, YamlNode> parsed = FrontMatter.parse(new SourceFile("g/s.md", "content/g/s.md", text)).fields();
        Map<String, YamlNode> read = roundTrip(parsed);
        assertEquals(parsed, read);
        assertEquals(List.copyOf(parsed.keySet()), List.copyOf(read.keySet()), "keys in the order written");
        assertEquals(parsed.get("reviewed_by").asMap().keySet().stream().toList(), read.get("reviewed_by").asMap().keySet().stream().toList());
        assertEquals(null, read.get("empty").value());
        assertEquals(6, read.get("unicode").line());
        assertEquals(parsed.getClass(), read.getClass(), "a mapping of the same kind as the parser's");
    }

    @Test
    void a_cut_entry_is_an_error_not_a_guess() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        BuildCache.writeYamlMapping(out, Map.of("title", new YamlNode(List.of(new YamlNode("a", 2, 3)), 2, 1)));
        out.flush();
        byte[] all = bytes.toByteArray();
        EntryReader cut = new EntryReader(java.util.Arrays.copyOf(all, all.length - 3));
        assertThrows(IOException.class, () -> BuildCache.readYamlMapping(cut));
        byte[] badTag = all.clone();
        // count(4) + key length(4) + "title"(5) + line(4) + column(4): the value's tag
        badTag[21] = 9;
        assertThrows(IOException.class, () -> BuildCache.readYamlMapping(new EntryReader(badTag)));
    }

    @Test
    void a_file_is_parsed_when_its_stored_front_matter_is_not_found() throws ContentErrors {
        String text = "---\ntitle: Basics\n---\nBody.\n";
        SourceFile file = new SourceFile("g/s.md", "content/g/s.md", text);
        FrontMatter.Split stored = new FrontMatter.Split(Map.of("title", new YamlNode("From the store", 2, 1)), text.indexOf("Body"), 6, 4);
        java.util.List<FrontMatter.Split> kept = new java.util.ArrayList<>();
        FrontMatter.Store store = new FrontMatter.Store() {
            @Override
            public FrontMatter.Split find(SourceFile source) {
                return source.text().equals(text) ? stored : null;
            }

            @Override
            public void keep(SourceFile source, FrontMatter.Split split) {
                kept.add(split);
            }
        };
        assertEquals("From the store", FrontMatter.parse(file, store).fields().get("title").value(), "the store's fields are used");
        assertEquals("Body.\n", FrontMatter.parse(file, store).body(), "the body cut where the store says it starts");
        assertEquals(4, FrontMatter.parse(file, store).bodyLine());
        SourceFile edited = new SourceFile("g/s.md", "content/g/s.md", text.replace("Basics", "Edited"));
        FrontMatter parsed = FrontMatter.parse(edited, store);
        assertEquals("Edited", parsed.fields().get("title").value(), "parsed when not found");
        assertEquals(4, kept.size(), "what was used is kept for the next build");
        assertEquals(new FrontMatter.Split(parsed.fields(), text.indexOf("Body"), 6, 4), kept.get(3), "with where its body starts");
        SourceFile broken = new SourceFile("g/s.md", "content/g/s.md", "---\ntitle: [unclosed\n---\n");
        assertThrows(ContentErrors.class, () -> FrontMatter.parse(broken, store));
        assertEquals(4, kept.size(), "YAML with a problem is never kept");
    }
}
