package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.PickupService;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.intake.IntakeReceipt;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.status.StatusService;
import vn.gov.hanoi.lienthong.routes.HubEndpoints;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetDocumentRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetPendingDocumentsRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.SendDocumentRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.UpdateStatusRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.UpdateStatusResponse;

/**
 * The edXML SOAP connector, inbound: every call is authenticated, then handed to the route of its
 * operation ("soap-" + operation). A refusal becomes a HubFault with its reason code; an error of the hub
 * becomes INTERNAL_ERROR, and the sender may safely send again (intake is idempotent).
 */
@Component
public class EdocSoapRoute extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(EdocSoapRoute.class);

    private final SoapCallerAuthenticator authenticator;
    private final EdocSoapMapper mapper;
    private final PickupService pickup;
    private final StatusService statuses;

    private final vn.gov.hanoi.lienthong.core.metrics.HubMeters meters;

    public EdocSoapRoute(SoapCallerAuthenticator authenticator, EdocSoapMapper mapper, PickupService pickup,
                         StatusService statuses, vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) {
        this.meters = meters;
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.pickup = pickup;
        this.statuses = statuses;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());

        from("cxf:bean:edocEndpoint").routeId("soap-edoc-service")
                .doTry()
                    .process(authenticator)
                    .toD("direct:soap-${header." + CxfConstants.OPERATION_NAME + "}")
                .doCatch(RefusedException.class)
                    .process(this::refuse)
                .doCatch(Exception.class)
                    .process(this::failInternally)
                .doFinally()
                    // camel-cxf would copy the hub's own headers into the HTTP response.
                    .removeHeaders("LienThong*")
                .end();

        from("direct:soap-sendDocument").routeId("soap-send-document")
                .process(exchange -> exchange.getIn().setBody(mapper.incoming(body(exchange, SendDocumentRequest.class))))
                .to(HubEndpoints.INTAKE)
                .process(exchange -> exchange.getIn().setBody(
                        mapper.sendDocumentResponse(exchange.getIn().getBody(IntakeReceipt.class))));

        from("direct:soap-getPendingDocuments").routeId("soap-get-pending-documents")
                .process(exchange -> exchange.getIn().setBody(mapper.pendingResponse(pickup.pending(caller(exchange),
                        body(exchange, GetPendingDocumentsRequest.class).getMaxResults()))));

        from("direct:soap-getDocument").routeId("soap-get-document")
                .process(exchange -> exchange.getIn().setBody(mapper.documentResponse(pickup.fetch(caller(exchange),
                        mapper.documentId(body(exchange, GetDocumentRequest.class).getDocumentId())))));

        from("direct:soap-updateStatus").routeId("soap-update-status")
                .process(exchange -> {
                    UpdateStatusRequest request = body(exchange, UpdateStatusRequest.class);
                    exchange.getIn().setHeader(HubEndpoints.DOCUMENT_ID, mapper.documentId(request.getDocumentId()));
                    exchange.getIn().setBody(request.getStatus());
                })
                .to(HubEndpoints.STATUS)
                .process(exchange -> {
                    UpdateStatusResponse response = new UpdateStatusResponse();
                    response.setRecorded(exchange.getIn().getBody(StatusService.StatusAcceptance.class).recorded());
                    exchange.getIn().setBody(response);
                });

        from("direct:soap-getStatusHistory").routeId("soap-get-status-history")
                .process(exchange -> exchange.getIn().setBody(mapper.historyResponse(statuses.history(caller(exchange),
                        mapper.documentId(body(exchange, GetStatusHistoryRequest.class).getDocumentId())))));
    }

    private static <T> T body(Exchange exchange, Class<T> type) {
        T body = exchange.getIn().getBody(type);
        if (body == null) {
            throw RefusedException.because(ReasonCode.ENVELOPE_UNREADABLE, "empty " + type.getSimpleName());
        }
        return body;
    }

    private static Agency caller(Exchange exchange) {
        return exchange.getIn().getHeader(HubEndpoints.CALLER, Agency.class);
    }

    private void refuse(Exchange exchange) throws Exception {
        RefusedException refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RefusedException.class);
        LOG.info("Refused {} from {}: {}", exchange.getIn().getHeader(CxfConstants.OPERATION_NAME),
                describeCaller(exchange), refusal.getMessage());
        meters.refused("door", refusal.reason().code());
        throw mapper.fault(refusal.reason());
    }

    private void failInternally(Exchange exchange) throws Exception {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("{} from {} failed inside the hub", exchange.getIn().getHeader(CxfConstants.OPERATION_NAME),
                describeCaller(exchange), error);
        throw mapper.fault(ReasonCode.INTERNAL_ERROR.with());
    }

    private static String describeCaller(Exchange exchange) {
        Agency caller = caller(exchange);
        return caller == null ? "an unauthenticated caller" : caller.organId();
    }
}
