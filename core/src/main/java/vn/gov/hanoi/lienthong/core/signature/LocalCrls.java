package vn.gov.hanoi.lienthong.core.signature;

import java.io.IOException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.ResourcePatternResolver;

/** CRLs placed as files (DER or PEM) beside the trust anchors: {@code hub.trust.crls}. */
final class LocalCrls {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCrls.class);

    private LocalCrls() {
    }

    static List<X509CRL> load(ResourcePatternResolver resources, String pattern) throws IOException {
        List<X509CRL> crls = new ArrayList<>();
        for (var found : X509Files.read(resources, pattern, "CRL", CertificateFactory::generateCRLs)) {
            X509CRL list = (X509CRL) found.item();
            crls.add(list);
            LOG.info("Local CRL of {} from {}, next update {}", list.getIssuerX500Principal().getName(),
                    found.fileName(), list.getNextUpdate() == null ? "none" : list.getNextUpdate().toInstant());
        }
        return crls;
    }
}
