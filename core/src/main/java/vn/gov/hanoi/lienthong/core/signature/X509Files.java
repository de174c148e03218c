package vn.gov.hanoi.lienthong.core.signature;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Certificates or CRLs from every file matching a resource pattern (PEM or DER, several per file). */
final class X509Files {

    @FunctionalInterface
    interface Reader<T> {
        Collection<? extends T> read(CertificateFactory x509, InputStream in) throws GeneralSecurityException;
    }

    /** What the file held, with the file's name. */
    record Found<T>(T item, String fileName) {
    }

    private X509Files() {
    }

    /** @param what names the kind of file in the error of an unreadable one ("trust anchor", "CRL") */
    static <T> List<Found<T>> read(ResourcePatternResolver resources, String pattern, String what, Reader<T> reader)
            throws IOException {
        CertificateFactory x509;
        try {
            x509 = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        List<Found<T>> found = new ArrayList<>();
        for (Resource resource : resources.getResources(pattern)) {
            try (InputStream in = resource.getInputStream()) {
                for (T item : reader.read(x509, in)) found.add(new Found<>(item, resource.getFilename()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(what + " file " + resource.getDescription() + " is not PEM/DER X.509", e);
            }
        }
        return found;
    }
}
