package vn.gov.hanoi.lienthong.archive.search;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The words of a file, for the search: a PDF's text layer (PDFBox); a PDF without one — a scan — its pages rendered
 * and read by Tesseract with its Vietnamese model, where the {@code tesseract} command is installed (Debian's
 * tesseract-ocr-vie); any other format by Tika. Tesseract is called as a program (Debian's build, its data files where
 * Debian puts them) rather than through a JNI binding, which would pin the library's version to the binding's.
 */
@Component
public class TextExtraction {

    private static final Logger LOG = LoggerFactory.getLogger(TextExtraction.class);
    private static final int MAX_CHARS = 1_000_000;
    private static final int MAX_OCR_PAGES = 20;
    private static final java.util.Optional<String> NICE = java.util.stream.Stream.of("/usr/bin/nice", "/bin/nice")
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst();

    private final String tesseract;
    private final String language;
    private final int dpi;
    private volatile Boolean tesseractAvailable;

    public TextExtraction(@Value("${hub.archive.search.tesseract:tesseract}") String tesseract,
                          @Value("${hub.archive.search.ocr-language:vie}") String language,
                          @Value("${hub.archive.search.ocr-dpi:300}") int dpi) {
        this.tesseract = tesseract;
        this.language = language;
        this.dpi = dpi;
    }

    /** Where a file's words came from. */
    public enum Source { TEXT_LAYER, OCR, OCR_UNAVAILABLE, DOCUMENT_TEXT, NONE, UNREADABLE, TOO_LARGE }

    public record Extracted(Source source, String text) {
    }

    public Extracted extract(String name, String mediaType, byte[] content) {
        boolean pdf = "application/pdf".equals(mediaType) || (content.length > 4 && content[0] == '%' && content[1] == 'P'
                && content[2] == 'D' && content[3] == 'F');
        try {
            if (pdf) return fromPdf(name, content);
            BodyContentHandler handler = new BodyContentHandler(MAX_CHARS);
            new AutoDetectParser().parse(new ByteArrayInputStream(content), handler, new Metadata(), new ParseContext());
            String text = handler.toString().strip();
            return new Extracted(text.isEmpty() ? Source.NONE : Source.DOCUMENT_TEXT, text);
        } catch (Exception | LinkageError e) {
            LOG.info("No words read from {} for the search: {}", name, e.getMessage());
            return new Extracted(Source.UNREADABLE, "");
        }
    }

    private Extracted fromPdf(String name, byte[] content) throws IOException, InterruptedException {
        try (PDDocument document = Loader.loadPDF(content)) {
            String text = new PDFTextStripper().getText(document).strip();
            if (!text.isBlank()) return new Extracted(Source.TEXT_LAYER, cut(text));
            if (!tesseractAvailable()) return new Extracted(Source.OCR_UNAVAILABLE, "");
            StringBuilder read = new StringBuilder();
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < Math.min(document.getNumberOfPages(), MAX_OCR_PAGES); page++) {
                read.append(ocr(renderer.renderImageWithDPI(page, dpi, ImageType.GRAY))).append('\n');
            }
            String words = read.toString().strip();
            LOG.info("Read {} characters from the scan {} by OCR ({})", words.length(), name, language);
            return new Extracted(words.isEmpty() ? Source.NONE : Source.OCR, cut(words));
        }
    }

    private String ocr(BufferedImage page) throws IOException, InterruptedException {
        Path image = Files.createTempFile("lienthong-ocr-", ".png");
        try {
            ImageIO.write(page, "png", image.toFile());
            // At the lowest CPU priority and on one thread (Tesseract's OpenMP takes every core otherwise): the OCR
            // gets what the exchange leaves.
            List<String> command = new java.util.ArrayList<>();
            if (NICE.isPresent()) command.addAll(List.of(NICE.get(), "-n", "19"));
            command.addAll(List.of(tesseract, image.toString(), "stdout", "-l", language));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("tesseract took more than 120 s on a page");
            }
            if (process.exitValue() != 0) throw new IOException("tesseract ended with " + process.exitValue());
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(image);
        }
    }

    /** Whether the tesseract command runs here, with the language asked for (asked once). */
    public boolean tesseractAvailable() {
        if (tesseractAvailable == null) {
            boolean available;
            try {
                Process process = new ProcessBuilder(tesseract, "--list-langs").redirectErrorStream(true).start();
                String langs = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                available = process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0
                        && langs.lines().anyMatch(l -> l.strip().equals(language));
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
            if (!available) {
                LOG.warn("OCR is off: '{} --list-langs' does not run or has no '{}' (Debian: apt-get install tesseract-ocr "
                        + "tesseract-ocr-vie); scans are indexed by their metadata only", tesseract, language);
            }
            tesseractAvailable = available;
        }
        return tesseractAvailable;
    }

    private static String cut(String text) {
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }
}
