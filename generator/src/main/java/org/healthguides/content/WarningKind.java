package org.healthguides.content;

/**
 * A level of warning callout, declared in the site settings.
 *
 * @param name    what editors write after {@code !!!} ("urgent")
 * @param label   the level said in words before the heading, for screen readers and print ("Urgent advice")
 * @param heading the heading used when the callout gives none ("See a doctor straight away if:")
 */
public record WarningKind(String name, String label, String heading) {
}
