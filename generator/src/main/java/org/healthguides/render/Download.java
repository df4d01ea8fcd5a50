package org.healthguides.render;

/**
 * A guide's printable leaflet, as its pages link to it: "Download this guide (PDF, 6 pages, 84 KB)".
 *
 * @param url       relative to the page it appears on
 * @param pages     how many A4 pages it has
 * @param kilobytes its size, rounded up to whole kilobytes (1,000 bytes)
 */
public record Download(String url, int pages, long kilobytes) {

    public static Download of(String url, int pages, long bytes) {
        return new Download(url, pages, Math.max(1, (bytes + 999) / 1000));
    }
}
