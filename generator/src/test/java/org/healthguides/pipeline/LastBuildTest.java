package org.healthguides.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of the last build reads back exactly what was written, whatever its paths hold. */
class LastBuildTest {
    @TempDir
    Path cache;

    @Test
    void every_state_reads_back_as_written_whatever_its_path_holds() throws Exception {
        List<LastBuild.State> output = new ArrayList<>();
        output.add(LastBuild.State.folder(""));
        String[] names = {"index.html", "ünïcödé/index.html", "日本語/ページ.html", "emoji-\uD83D\uDE00/index.html.gz", "", "a b/c.pdf"};
        for (int i = 0; i < 10_000; i++) {
            String name = "guide-" + i + "/" + names[i % names.length];
            output.add(i % 7 == 0 ? LastBuild.State.folder(name)
                    : new LastBuild.State(name, false, i * 1_000_003L, Long.MAX_VALUE - i, "(dev=fd00,ino=" + i + ")", i % 512));
        }
        output.add(new LastBuild.State("x", false, -1, -1, "not a file or folder", -1));
        List<LastBuild.State> cacheStates = List.of(new LastBuild.State("guides/é.bin", false, 3, 4, "(dev=1,ino=2)", 420));
        BuildCache.Key key = new BuildCache.Key(1, 2);
        new LastBuild(key, 5, 6, List.of(), List.of("dräft.md"), output, cacheStates, output.get(3)).write(cache, "generator");

        LastBuild read = LastBuild.read(cache, "generator", key);
        assertEquals(output, read.output());
        assertEquals(cacheStates, read.cache());
        assertEquals(output.get(3), read.nginx());
        assertEquals(List.of("dräft.md"), read.draftsLeftOut());
    }
}
