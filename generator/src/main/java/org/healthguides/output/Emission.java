package org.healthguides.output;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.healthguides.diagnostics.Problem;
import org.healthguides.site.Site;

/**
 * What an {@link Emitter} is given.
 *
 * @param site     the site model the pages were rendered from
 * @param pages    every page published (rendered or reused from the last build), in no particular order
 * @param today    the build's date, from the injected clock
 * @param problems where an emitter reports what it could not publish (thread-safe)
 */
public record Emission(Site site, List<PublishedPage> pages, LocalDate today, Consumer<Problem> problems) {
}
