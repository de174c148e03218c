package vn.gov.hanoi.lienthong.routes;

import org.apache.camel.Exchange;
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

    /**
     * The consumer of work that must run on one node at a time (the mailbox poller, the watchdog, the alert
     * evaluator and publisher, the events publisher): a named timer that waits {@code period} after each run. All
     * singleton work starts here, so that the scale-out can wrap each one in Camel's cluster service (the master
     * component: master:lienthong:&lt;name&gt;) in this one place, and exactly one node runs it.
     */
    protected static String singleton(String name, java.time.Duration period) {
        return singleton(name, period, java.time.Duration.ofSeconds(1));
    }

    /** @param firstAfter how long after the start the first run comes */
    protected static String singleton(String name, java.time.Duration period, java.time.Duration firstAfter) {
        return "timer:" + name + "?fixedRate=false&period=" + period.toMillis() + "&delay=" + firstAfter.toMillis();
    }

    /** A transacted consumer of a stage queue. */
    protected static String fromQueue(String queue, String concurrencyProperty) {
        return "jms:queue:" + queue + "?concurrentConsumers={{" + concurrencyProperty + ":2}}";
    }

    /**
     * A failure that the broker retries and the route reports itself, once per attempt: a failure outside the hub
     * (an agency's system down, a revocation source away: {@code outside}) as one WARN line without a stack trace,
     * anything else (the hub's own) as one ERROR with its trace. Only while {@code retried} holds (a route that
     * gives up on the last attempt handles that one itself). Use with {@link #reportedByTheRoute}.
     */
    protected void reportRetriedFailures(Class<? extends Exception> outside, org.apache.camel.Predicate retried,
                                         java.util.function.Function<Exchange, String> what) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(getClass());
        onException(outside).onWhen(retried)
                .logExhausted(false).logStackTrace(false).logExhaustedMessageHistory(false)
                .process(exchange -> log.warn("{} failed, retried later: {}", what.apply(exchange),
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()));
        onException(Exception.class).onWhen(retried)
                .logExhausted(false).logStackTrace(false).logExhaustedMessageHistory(false)
                .process(exchange -> log.error("{} failed inside the hub, retried later", what.apply(exchange),
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)));
    }

    /**
     * The consumer of a route that reports its failures itself ({@link #reportRetriedFailures}): the listener
     * container's own report of the rollback would repeat each one, with a stack trace, on every attempt.
     */
    protected static String reportedByTheRoute(String consumer) {
        return consumer + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false";
    }

    /** A send to a queue: one way, inside the consumer's transaction when there is one. */
    protected static String toQueue(String queue) {
        return "jms:queue:" + queue + "?exchangePattern=" + ExchangePattern.InOnly;
    }
}
