package org.healthguides.content;

import java.time.LocalDate;

/**
 * One entry of a guide's {@code changes:} list: what changed in its advice and when, in one line for readers.
 *
 * @param line where it is written, for messages
 */
public record Change(LocalDate date, String summary, int line) {
}
