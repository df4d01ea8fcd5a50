package org.healthguides.render;

/** A guide's latest change, as its pages show it under the review dates: when (machine-readable and in words) and what. */
public record ChangeView(String dateIso, String dateText, String summary) {
}
