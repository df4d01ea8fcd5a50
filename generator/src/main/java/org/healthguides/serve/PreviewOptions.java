package org.healthguides.serve;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How to run the preview server.
 *
 * @param content     the content folder to build and watch
 * @param templates   the templates folder to build and watch
 * @param bind        the address to listen on; loopback unless the editor asked otherwise
 * @param port        the port; 0 picks a free one
 * @param quietPeriod how long the folders must stay quiet after a change before the site is rebuilt, so a burst
 *                    of saves (an editor's swap file, a rename, the file itself) makes one rebuild
 * @param clock       today's date, for review dates that are due, as the build has it; tests pass a fixed clock
 */
public record PreviewOptions(Path content, Path templates, InetAddress bind, int port, Duration quietPeriod, Clock clock) {

    public PreviewOptions(Path content, Path templates, InetAddress bind, int port, Duration quietPeriod) {
        this(content, templates, bind, port, quietPeriod, Clock.systemDefaultZone());
    }

    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(10);

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
