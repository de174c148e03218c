package vn.gov.hanoi.lienthong.core.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The TLS the hub speaks when it pushes to an agency's system (SOAP and REST push): the agency's server
 * certificate must chain to one of the configured CAs ({@code hub.delivery.tls.trust-anchors}, PEM; the JDK's
 * own trust store when none are configured), with its host name checked; and, where the agencies ask for it,
 * the hub presents its own client certificate ({@code hub.delivery.tls.key-store}, PKCS#12). A push whose
 * handshake fails is a failed delivery attempt like any other: retried with back-off, then dead-lettered.
 */
@Component
public class OutboundTls {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundTls.class);

    private final SSLContext context;

    public OutboundTls(@Value("${hub.delivery.tls.trust-anchors:}") String trustAnchors,
                       @Value("${hub.delivery.tls.key-store:}") String keyStore,
                       @Value("${hub.delivery.tls.key-store-password:}") String keyStorePassword,
                       ResourcePatternResolver resources) throws IOException, GeneralSecurityException {
        if (trustAnchors.isBlank() && keyStore.isBlank()) {
            this.context = SSLContext.getDefault();
            return;
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (trustAnchors.isBlank()) {
            trust.init((KeyStore) null);
        } else {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Resource pem : resources.getResources(trustAnchors)) {
                try (InputStream in = pem.getInputStream()) {
                    for (var certificate : x509.generateCertificates(in)) {
                        X509Certificate ca = (X509Certificate) certificate;
                        anchors.setCertificateEntry(ca.getSubjectX500Principal().getName() + " " + anchors.size(), ca);
                        LOG.info("Pushes trust {} (from {})", ca.getSubjectX500Principal().getName(), pem.getFilename());
                    }
                }
            }
            if (anchors.size() == 0) {
                throw new IllegalStateException("hub.delivery.tls.trust-anchors names no certificate: " + trustAnchors);
            }
            trust.init(anchors);
        }
        KeyManagerFactory keys = null;
        if (!keyStore.isBlank()) {
            KeyStore own = KeyStore.getInstance("PKCS12");
            try (InputStream in = resources.getResource(keyStore).getInputStream()) {
                own.load(in, keyStorePassword.toCharArray());
            }
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(own, keyStorePassword.toCharArray());
            LOG.info("Pushes present the hub's client certificate from {}", keyStore);
        }
        this.context = SSLContext.getInstance("TLS");
        this.context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
    }

    public SSLContext sslContext() {
        return context;
    }
}
