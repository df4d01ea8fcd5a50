package org.healthguides.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

import org.healthguides.serve.PreviewOptions;
import org.healthguides.serve.PreviewServer;
import org.healthguides.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path root;

    @Test
    void a_taken_port_is_one_line_naming_the_flag_to_change_it() throws Exception {
        Fixture fixture = new Fixture(root);
        try (PreviewServer other = PreviewServer.start(new PreviewOptions(fixture.content, fixture.templates,
                InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(50)), outcome -> { })) {
            String port = Integer.toString(other.address().getPort());
            GuideRun run = GuideRun.guide("serve", "--port", port, "--content", fixture.content.toString(), "--templates", fixture.templates.toString());
            assertEquals(2, run.exit());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("port " + port + " is already in use") && run.err().contains("--port"), run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void bad_options_are_usage_errors() {
        assertEquals(2, GuideRun.guide("serve", "--port", "http").exit());
        assertEquals(2, GuideRun.guide("serve", "--port", "70000").exit());
        GuideRun missing = GuideRun.guide("serve", "--port", "0", "--content", root.resolve("nothing").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--content"), missing.err());
        GuideRun help = GuideRun.guide("serve", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--bind ADDRESS"));
    }
}
