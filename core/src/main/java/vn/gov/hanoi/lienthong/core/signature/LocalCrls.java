package vn.gov.hanoi.lienthong.core.signature;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/** CRLs placed as files (DER or PEM) beside the trust anchors: {@code hub.trust.crls}. */
final class LocalCrls {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCrls.class);

    private LocalCrls() {
    }

    static List<X509CRL> load(ResourcePatternResolver resources, String pattern) throws IOException {
        List<X509CRL> crls = new ArrayList<>();
        CertificateFactory x509;
        try {
            x509 = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
        for (Resource resource : resources.getResources(pattern)) {
            try (InputStream in = resource.getInputStream()) {
                for (CRL crl : x509.generateCRLs(in)) {
                    X509CRL list = (X509CRL) crl;
                    crls.add(list);
                    LOG.info("Local CRL of {} from {}, next update {}", list.getIssuerX500Principal().getName(),
                            resource.getFilename(), list.getNextUpdate() == null ? "none" : list.getNextUpdate().toInstant());
                }
            } catch (CRLException e) {
                throw new IllegalStateException("CRL file " + resource.getDescription() + " is not a PEM/DER X.509 CRL", e);
            }
        }
        return crls;
    }
}
