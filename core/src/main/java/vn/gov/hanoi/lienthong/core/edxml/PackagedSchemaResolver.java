package vn.gov.hanoi.lienthong.core.edxml;

import java.io.InputStream;

import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

import vn.gov.hanoi.lienthong.schemas.edxml.EdXML;

/**
 * Resolves a schema's includes to the files packed beside it in the schemas jar, by file name, whatever
 * the jar's URL scheme (file:, jar:, Spring Boot's nested:). Nothing else can be included.
 */
final class PackagedSchemaResolver implements LSResourceResolver {

    private final String folder;
    private final DOMImplementationLS ls;

    PackagedSchemaResolver(String folder) {
        this.folder = folder;
        try {
            this.ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
        if (systemId == null) return null;
        String fileName = systemId.substring(systemId.lastIndexOf('/') + 1);
        LSInput input = ls.createLSInput();
        input.setByteStream(open(folder + fileName));
        input.setSystemId(fileName);
        input.setPublicId(publicId);
        return input;
    }

    static InputStream open(String resource) {
        InputStream in = EdXML.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("schema " + resource + " is not packed in the schemas jar");
        }
        return in;
    }
}
