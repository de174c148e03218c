package vn.gov.hanoi.lienthong.connectors.email;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The city's mail server as the hub sends through it (SMTP), and the hub's own address. A message handed
 * over without an exception is the server's to deliver; a refusal or a timeout throws.
 */
@Component
public class CityMailServer {

    private final Session session;
    private final String hubAddress;
    /**
     * The write timeout's clock, shared: without it Angus Mail starts a scheduler thread of its own for every SMTP
     * connection, one per message sent (thousands an hour under load).
     */
    private final java.util.concurrent.ScheduledExecutorService writeTimeouts =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "smtp-write-timeout");
                thread.setDaemon(true);
                return thread;
            });

    public CityMailServer(@Value("${hub.mail.smtp.host:localhost}") String host,
                          @Value("${hub.mail.smtp.port:25}") int port,
                          @Value("${hub.mail.smtp.starttls:false}") boolean startTls,
                          @Value("${hub.mail.smtp.timeout:30s}") Duration timeout,
                          @Value("${hub.mail.from:lienthong@hanoi.gov.vn}") String hubAddress) {
        this.hubAddress = hubAddress;
        EmailConfiguration.skipStreamProviderSearch();
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.executor.writetimeout", writeTimeouts);
        properties.put("mail.mime.charset", "UTF-8");
        // Jakarta Mail builds the Message-ID of every message it sends from the local address: "mail.from", else
        // the user at the machine's host name ("…@localhost" on most servers). The hub's own address gives its domain.
        properties.put("mail.from", hubAddress);
        this.session = Session.getInstance(properties);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        writeTimeouts.shutdownNow();
    }

    public Session session() {
        return session;
    }

    /** The hub's mailbox: the sender of everything it mails, and the mailbox it reads (hub.mail.imap). */
    public String hubAddress() {
        return hubAddress;
    }

    public void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }
}
