package vn.gov.hanoi.lienthong.bench;

import java.util.concurrent.atomic.AtomicLong;

/** The most heap the hub had in use while this sampler ran, read from the hub's metrics at a fixed interval. */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong maxBytes = new AtomicLong();
    private final Thread thread;

    private HeapSampler(HubProcess hub, long intervalMillis) {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxBytes.accumulateAndGet(hub.heapUsedBytes(), Math::max);
                try {
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start(HubProcess hub, long intervalMillis) {
        HeapSampler sampler = new HeapSampler(hub, intervalMillis);
        sampler.thread.start();
        return sampler;
    }

    long maxBytes() {
        return maxBytes.get();
    }

    /** Stops sampling; the maximum stays readable. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
