package vn.gov.hanoi.lienthong.operations.alerts;

import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The free space under the data directory below which operators are alerted: {@code hub.alerts.disk-free-below}
 * at start, changed at run time from Hawtio (JMX {@code lienthong:type=DiskSpaceThreshold}; operators read,
 * administrators write) when a volume is grown or shrunk — the next evaluation raises or clears by the new value.
 */
@Component
@ManagedResource(objectName = "lienthong:type=DiskSpaceThreshold",
        description = "Free space under the hub's data directory below which DISK_SPACE_LOW is raised")
public class DiskSpaceThreshold {

    private volatile long freeBelowBytes;

    public DiskSpaceThreshold(AlertSettings settings) {
        this.freeBelowBytes = settings.diskFreeBelow().toBytes();
    }

    public long freeBelowBytes() {
        return freeBelowBytes;
    }

    @ManagedAttribute(description = "Alert when less than this many MiB are free under the data directory")
    public long getFreeBelowMiB() {
        return freeBelowBytes >> 20;
    }

    @ManagedAttribute(description = "Alert when less than this many MiB are free under the data directory")
    public void setFreeBelowMiB(long mebibytes) {
        if (mebibytes < 0) throw new IllegalArgumentException("a free-space threshold is not negative: " + mebibytes);
        this.freeBelowBytes = DataSize.ofMegabytes(mebibytes).toBytes();
    }
}
