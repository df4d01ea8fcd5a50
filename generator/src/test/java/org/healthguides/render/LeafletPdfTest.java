package org.healthguides.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A printer keeps each thread's parsed fonts from one leaflet to the next: no leaflet may show that it came second. */
class LeafletPdfTest {
    private static final Path TEMPLATES = Path.of("..", "templates");
    private static final LeafletPdf.Links LINKS = new LeafletPdf.Links("g/whole-guide/", null, List.of());
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private static String leaflet(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>" + title + "</title><style>body { font-family: 'Lato'; }"
                + " h1 { font-weight: 700; }</style></head><body><h1>" + title + "</h1>" + body + "</body></html>";
    }

    private static byte[] print(LeafletPdf printer, String xhtml) throws Exception {
        return printer.print(xhtml, LINKS, TEMPLATES.toAbsolutePath().toUri().toString(), DAY).bytes();
    }

    @Test
    void leaflets_printed_one_after_another_are_the_bytes_each_printer_makes_alone() throws Exception {
        // Different letters, and italics in one only, so each leaflet embeds other glyphs (and faces) of the same fonts.
        String first = leaflet("Lifting", "<p>Keep your back <em>straight</em> and the bar close.</p>");
        String second = leaflet("Running", "<p>Warm up: 10 minutes, zigzag quickly — façade, naïve, Øresund.</p>");
        LeafletPdf shared = new LeafletPdf(TEMPLATES);
        byte[] firstShared = print(shared, first);
        byte[] secondShared = print(shared, second);
        byte[] firstAgain = print(shared, first);

        assertArrayEquals(print(new LeafletPdf(TEMPLATES), first), firstShared);
        assertArrayEquals(print(new LeafletPdf(TEMPLATES), second), secondShared, "the second leaflet embeds only its own letters");
        assertArrayEquals(firstShared, firstAgain, "the first leaflet again, after the second used the same parsed fonts");
        assertFalse(Arrays.equals(firstShared, secondShared));
    }

    @Test
    void leaflets_printed_side_by_side_on_several_threads_are_the_bytes_each_makes_alone() throws Exception {
        String first = leaflet("Lifting", "<p>Keep your back <em>straight</em> and the bar close.</p>");
        String second = leaflet("Running", "<p>Warm up: 10 minutes, zigzag quickly — façade, naïve, Øresund.</p>");
        byte[] firstAlone = print(new LeafletPdf(TEMPLATES), first);
        byte[] secondAlone = print(new LeafletPdf(TEMPLATES), second);
        LeafletPdf shared = new LeafletPdf(TEMPLATES);
        List<byte[]> printed = java.util.stream.IntStream.range(0, 8).parallel().mapToObj(i -> {
            try {
                return print(shared, i % 2 == 0 ? first : second);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        for (int i = 0; i < printed.size(); i++) {
            assertArrayEquals(i % 2 == 0 ? firstAlone : secondAlone, printed.get(i), "leaflet " + i);
        }
    }
}
