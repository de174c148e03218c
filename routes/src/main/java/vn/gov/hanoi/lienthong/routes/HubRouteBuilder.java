package vn.gov.hanoi.lienthong.routes;

import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * The base of every stage route. A stage consumes from its queue in a local JMS transaction; a failure is
 * not retried here but thrown back to the consumer, which rolls the transaction back, so that the broker
 * redelivers with the back-off set for that address (ArtemisBrokerConfiguration) and finally dead-letters.
 */
public abstract class HubRouteBuilder extends RouteBuilder {

    @Override
    public final void configure() throws Exception {
        errorHandler(defaultErrorHandler()
                .maximumRedeliveries(0)
                .logStackTrace(false)
                .logExhaustedMessageHistory(false)
                .logRetryAttempted(false));
        // A refusal is a client's mistake, not the hub's error: it goes back to the connector that called the stage,
        // which answers it with its reason code and logs it in one line. The error handler must not log it again.
        onException(RefusedException.class)
                .logExhausted(false)
                .logStackTrace(false)
                .logExhaustedMessageHistory(false);
        configureRoutes();
    }

    protected abstract void configureRoutes() throws Exception;

    /** A transacted consumer of a stage queue. */
    protected static String fromQueue(String queue, String concurrencyProperty) {
        return "jms:queue:" + queue + "?concurrentConsumers={{" + concurrencyProperty + ":2}}";
    }

    /** A send to a queue: one way, inside the consumer's transaction when there is one. */
    protected static String toQueue(String queue) {
        return "jms:queue:" + queue + "?exchangePattern=" + ExchangePattern.InOnly;
    }
}
