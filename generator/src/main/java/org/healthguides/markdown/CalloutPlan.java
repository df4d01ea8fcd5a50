package org.healthguides.markdown;

import java.util.IdentityHashMap;
import java.util.Map;

import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.util.data.DataKey;

/**
 * How each callout of one document is to be rendered, decided before rendering because it depends on
 * the headings around it (its heading sits one level below the nearest heading before it).
 */
final class CalloutPlan {
    static final DataKey<CalloutPlan> KEY = new DataKey<>("HEALTHGUIDES_CALLOUT_PLAN", new CalloutPlan());

    record Entry(String kind, String label, String heading, int headingLevel, String headingId) {
    }

    private final Map<AdmonitionBlock, Entry> entries = new IdentityHashMap<>();

    void put(AdmonitionBlock block, Entry entry) {
        entries.put(block, entry);
    }

    Entry get(AdmonitionBlock block) {
        return entries.get(block);
    }
}
