package vn.gov.hanoi.lienthong.archive;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The archive of Article 11: the ledger closed into signed and timestamped checkpoints, the evidence bundle of a
 * document, and the hub's own check of everything it holds.
 */
@Configuration
@ComponentScan
public class ArchiveConfiguration {
}
