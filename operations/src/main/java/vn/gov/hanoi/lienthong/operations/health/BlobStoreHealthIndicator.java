package vn.gov.hanoi.lienthong.operations.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.blob.BlobStore;

/**
 * The blob store takes a write now (a probe written, flushed to stable storage and removed): the hub accepts
 * no document it could not store, so readiness depends on it.
 */
@Component
public class BlobStoreHealthIndicator extends AbstractHealthIndicator {

    private final BlobStore blobs;

    public BlobStoreHealthIndicator(BlobStore blobs) {
        super("the blob store cannot be written");
        this.blobs = blobs;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        blobs.checkWritable();
        health.up();
    }
}
