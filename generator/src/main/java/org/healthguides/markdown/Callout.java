package org.healthguides.markdown;

import java.util.List;

/**
 * A warning callout as written by the editor.
 *
 * @param kind    the warning kind's name ("urgent")
 * @param heading the heading shown, the action to take
 * @param text    all of its text, for checking the content contract
 * @param items   the text of its list items, in order
 * @param line    its line in the source file
 */
public record Callout(String kind, String heading, String text, List<String> items, int line) {

    public boolean mentions(String phrase) {
        return text.toLowerCase(java.util.Locale.ROOT).contains(phrase.toLowerCase(java.util.Locale.ROOT));
    }
}
