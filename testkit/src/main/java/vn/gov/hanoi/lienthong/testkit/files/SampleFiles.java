package vn.gov.hanoi.lienthong.testkit.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files of each format an agency sends, made in memory: the smallest real instances of each format, so
 * that the hub's checks see what a word processor would write.
 */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** A PDF: a real header and trailer around random bytes. */
    public static byte[] pdf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] trailer = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(trailer, 0, bytes, size - trailer.length, trailer.length);
        return bytes;
    }

    /**
     * A real one-page PDF whose text layer holds these lines, as an OCR'd scan has. Helvetica is one of the
     * PDF standard fonts and has no Vietnamese letters, so the lines are in plain ASCII, as OCR output without
     * diacritics often is.
     */
    public static byte[] scannedLetterPdf(String... lines) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                         new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(60, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -18);
                }
                content.endText();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A real one-page PDF of about the given size, most of it one scanned-page image (noise, as a scan's grain
     * is, so that it does not compress): the weight of an ordinary letter scanned at office resolution.
     */
    public static byte[] scannedPagePdf(int approximateBytes, long seed) {
        int side = Math.max(8, (int) Math.sqrt(approximateBytes / 3.0));
        java.awt.image.BufferedImage scan = new java.awt.image.BufferedImage(side, side, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Random grain = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                scan.setRGB(x, y, grain.nextInt(0x1000000));
            }
        }
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, scan);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                         new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A scan as a copier makes it: one page that is only an image of these lines (Vietnamese, DejaVu Sans, black on
     * white at about 200 dpi), with no text layer — its words can only be read by OCR.
     */
    public static byte[] imageOnlyScanPdf(String... lines) {
        int width = 1700;
        int height = 2200;
        java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = page.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(java.awt.Color.BLACK);
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            java.awt.Font font = java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, VIETNAMESE_FONT.toFile()).deriveFont(44f);
            g.setFont(font);
            int y = 200;
            for (String line : lines) {
                g.drawString(line, 150, y);
                y += 80;
            }
        } catch (java.awt.FontFormatException | IOException e) {
            throw new IllegalStateException("cannot draw the scan with " + VIETNAMESE_FONT, e);
        } finally {
            g.dispose();
        }
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage pdfPage = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(pdfPage);
            var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, page);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                         new org.apache.pdfbox.pdmodel.PDPageContentStream(document, pdfPage)) {
                content.drawImage(image, 0, 0, pdfPage.getMediaBox().getWidth(), pdfPage.getMediaBox().getHeight());
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DejaVu Sans: a font with every Vietnamese letter (Debian's fonts-dejavu-core, installed by .ci/run). */
    private static final java.nio.file.Path VIETNAMESE_FONT = java.nio.file.Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    /** A real one-page PDF whose text layer holds these lines in Vietnamese, as a word processor exports it. */
    public static byte[] textPdf(String... lines) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            var font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(document, VIETNAMESE_FONT.toFile());
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content =
                         new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.newLineAtOffset(60, 720);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -18);
                }
                content.endText();
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Active content a PDF may carry, each made the way an authoring tool writes it. */
    public enum ActiveContent {
        /** JavaScript run when the document opens (/OpenAction). */
        OPEN_ACTION_JAVASCRIPT,
        /** JavaScript run when the first page opens (the page's /AA). */
        PAGE_OPEN_JAVASCRIPT,
        /** A document-level script in the /JavaScript name tree. */
        DOCUMENT_JAVASCRIPT,
        /** A link that launches a program (/Launch). */
        LAUNCH_LINK,
        /** A file embedded in the document (/EmbeddedFiles). */
        EMBEDDED_FILE
    }

    /**
     * A one-page PDF with this active content, saved by PDFBox with compression: its dictionaries sit in
     * compressed object streams, where a scan of the file's bytes cannot see them.
     */
    public static byte[] pdfWith(ActiveContent active) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            var script = new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('Xin chao');");
            switch (active) {
                case OPEN_ACTION_JAVASCRIPT -> document.getDocumentCatalog().setOpenAction(script);
                case PAGE_OPEN_JAVASCRIPT -> {
                    var actions = new org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions();
                    actions.setO(script);
                    page.setActions(actions);
                }
                case DOCUMENT_JAVASCRIPT -> {
                    var tree = new org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode();
                    tree.setNames(java.util.Map.of("hello", script));
                    var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(document.getDocumentCatalog());
                    names.setJavascript(tree);
                    document.getDocumentCatalog().setNames(names);
                }
                case LAUNCH_LINK -> {
                    var launch = new org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch();
                    launch.setFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification(new org.apache.pdfbox.cos.COSString("calc.exe")));
                    var link = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
                    link.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(50, 50, 100, 20));
                    link.setAction(launch);
                    page.getAnnotations().add(link);
                }
                case EMBEDDED_FILE -> {
                    var file = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
                    file.setFile("payload.exe");
                    file.setEmbeddedFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(document,
                            new java.io.ByteArrayInputStream(windowsExecutable())));
                    var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
                    tree.setNames(java.util.Map.of("payload.exe", file));
                    var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(document.getDocumentCatalog());
                    names.setEmbeddedFiles(tree);
                    document.getDocumentCatalog().setNames(names);
                }
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(org.apache.pdfbox.pdmodel.PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION);
        return out.toByteArray();
    }

    /** A Windows executable's first bytes (the MZ and PE headers), as a virus renamed .pdf would start. */
    public static byte[] windowsExecutable() {
        byte[] bytes = new byte[1024];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, bytes, 0x4e, stub.length);
        return bytes;
    }

    /** A Word document (.docx) whose text is set in the given font. */
    public static byte[] docx(String text, String font) {
        return officeOpenXml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
                <w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s"/></w:rPr><w:t>%s</w:t></w:r></w:p></w:body></w:document>"""
                .formatted(font, font, text));
    }

    /** An Excel workbook (.xlsx): an office file, but not a format of Article 7. */
    public static byte[] xlsx() {
        return officeOpenXml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>""");
    }

    /** An Office Open XML package with one main part: what tells Word, Excel and Tika apart is that part's type. */
    private static byte[] officeOpenXml(String mainPart, String mainPartType, String mainPartContent) {
        return zip(new Entry[] {
                new Entry("[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                        <Default Extension="xml" ContentType="application/xml"/>
                        <Override PartName="/%s" ContentType="%s"/>
                        </Types>""".formatted(mainPart, mainPartType), false),
                new Entry("_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/>
                        </Relationships>""".formatted(mainPart), false),
                new Entry(mainPart, mainPartContent, false)});
    }

    /** An OpenDocument text (.odt): the mimetype entry first and stored, as the ODF standard requires. */
    public static byte[] odt(String text) {
        return zip(new Entry[] {
                new Entry("mimetype", "application/vnd.oasis.opendocument.text", true),
                new Entry("META-INF/manifest.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                        <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                        </manifest:manifest>""", false),
                new Entry("content.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                          xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                        <office:body><office:text><text:p>%s</text:p></office:text></office:body></office:document-content>"""
                        .formatted(text), false)});
    }

    /** A flat OpenDocument text (.fodt): one XML file. */
    public static byte[] fodt(String text) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"
                  office:mimetype="application/vnd.oasis.opendocument.text">
                <office:body><office:text><text:p>%s</text:p></office:text></office:body></office:document>"""
                .formatted(text).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A .docx that is a zip bomb: a well-formed Word package plus one entry that inflates to
     * {@code inflatedBytes} of zeros from a few hundred kilobytes.
     */
    public static byte[] zipBombDocx(long inflatedBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            try (java.util.zip.ZipInputStream valid = new java.util.zip.ZipInputStream(
                    new java.io.ByteArrayInputStream(docx("Báo cáo", "Times New Roman")))) {
                ZipEntry entry;
                while ((entry = valid.getNextEntry()) != null) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    valid.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry("word/media/image1.bin"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < inflatedBytes; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, inflatedBytes - written));
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private record Entry(String name, String content, boolean stored) {
    }

    private static byte[] zip(Entry[] entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Entry entry : entries) {
                byte[] content = entry.content().getBytes(StandardCharsets.UTF_8);
                ZipEntry zipEntry = new ZipEntry(entry.name());
                if (entry.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(content.length);
                    zipEntry.setCompressedSize(content.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
