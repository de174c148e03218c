package vn.gov.hanoi.lienthong.connectors.restjson;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import vn.gov.hanoi.lienthong.core.intake.IntakeService;
import vn.gov.hanoi.lienthong.core.refusal.Causes;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * A refusal over REST: the same reason code and sentences as over SOAP, as JSON ({@link Reason}: code,
 * messageVi, messageEn), with the HTTP status that fits it (401 who are you, 403 not yours, 404 no such
 * document, 409 a conflicting resend, 413 too large, 415 not multipart, 400 what you sent). Errors Spring MVC
 * raises itself under /api/v1 — an unknown path, a method or media type the operation does not take, a
 * parameter that does not parse — answer the same body; elsewhere they keep Spring's. A refusal is one INFO
 * line; only the hub's own failures are logged as errors.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RestRefusals extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RestRefusals.class);
    static final String API = "/api/v1";

    private final vn.gov.hanoi.lienthong.core.metrics.HubMeters meters;
    private final vn.gov.hanoi.lienthong.core.intake.IntakeAdmission admission;

    public RestRefusals(vn.gov.hanoi.lienthong.core.metrics.HubMeters meters,
                        vn.gov.hanoi.lienthong.core.intake.IntakeAdmission admission) {
        this.meters = meters;
        this.admission = admission;
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<Reason> refused(RefusedException refusal, HttpServletRequest request) {
        LOG.info("Refused a REST call {} {}: {}", request.getMethod(), request.getRequestURI(), refusal.getMessage());
        meters.refused("door", refusal.reason().code());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(statusOf(refusal.reason().code()))
                .contentType(MediaType.APPLICATION_JSON);
        if (ReasonCode.AUTHENTICATION_FAILED.name().equals(refusal.reason().code())) {
            response.header("WWW-Authenticate", "Basic realm=\"lienthong\", charset=\"UTF-8\"");
        }
        if (ReasonCode.HUB_BUSY.name().equals(refusal.reason().code())) {
            response.header("Retry-After", String.valueOf(admission.retryAfter().toSeconds()));
        }
        return response.body(refusal.reason());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Reason> unreadableUpload(MultipartException e, HttpServletRequest request) {
        Reason reason = tooManyParts(e)
                ? ReasonCode.ATTACHMENTS_TOO_MANY.with(maxPartsSeen(), IntakeService.MAX_ATTACHMENTS)
                : ReasonCode.ENVELOPE_UNREADABLE.with("unreadable multipart request: " + rootMessage(e));
        LOG.info("Refused a REST call {} {}: {}", request.getMethod(), request.getRequestURI(), reason.code() + ": " + reason.messageEn());
        meters.refused("door", reason.code());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(reason);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Reason> failed(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(API)) {
            // Not the REST API's (the actuator's, say): the exception goes on to Spring's own handling.
            throw e;
        }
        LOG.error("A REST call {} {} failed inside the hub", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_JSON).body(ReasonCode.INTERNAL_ERROR.with());
    }

    /** Tomcat's bound on the parts of a request is reported as an upload too large; it is a document with too many files. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (tooManyParts(e)) {
            Reason reason = ReasonCode.ATTACHMENTS_TOO_MANY.with(maxPartsSeen(), IntakeService.MAX_ATTACHMENTS);
            LOG.info("Refused a REST call: {}", reason.code() + ": " + reason.messageEn());
            meters.refused("door", reason.code());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(reason);
        }
        LOG.info("Upload too large: {}", rootMessage(e));
        return super.handleMaxUploadSizeExceededException(e, headers, status, request);
    }

    /** Spring MVC's own exceptions (no handler, wrong method or media type, unparsable parameter…). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
        if (!path.startsWith(API)) {
            return super.handleExceptionInternal(e, body, headers, status, request);
        }
        Reason reason = e instanceof HttpMediaTypeNotSupportedException unsupported
                ? ReasonCode.MEDIA_TYPE_UNSUPPORTED.with(String.valueOf(unsupported.getContentType()),
                        unsupported.getSupportedMediaTypes().stream().map(MediaType::toString).toList())
                : ReasonCode.REQUEST_INVALID.with(describe(status, e));
        LOG.info("Refused a REST call to {}: {}", path, reason.code() + ": " + reason.messageEn());
        meters.refused("door", reason.code());
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        answer.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(reason, answer, status);
    }

    static String describe(HttpStatusCode status, Exception e) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String what = known == null ? "HTTP " + status.value() : status.value() + " " + known.getReasonPhrase();
        return e == null || e.getMessage() == null ? what : what + " (" + e.getMessage() + ")";
    }

    static HttpStatus statusOf(String code) {
        return switch (ReasonCode.valueOf(code)) {
            case AUTHENTICATION_FAILED -> HttpStatus.UNAUTHORIZED;
            case CLIENT_CERTIFICATE_REQUIRED, AGENCY_NOT_ACTIVE, SENDER_MISMATCH, NOT_A_RECIPIENT, NOT_A_PARTY, STATUS_SENDER_MISMATCH,
                 NOT_PERMITTED, DESK_NOT_OPEN -> HttpStatus.FORBIDDEN;
            case DOCUMENT_NOT_FOUND, DELIVERY_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case DOCUMENT_DESTROYED -> HttpStatus.GONE;
            case DUPLICATE_ID_CONFLICT, DELIVERY_NOT_FAILED, DELIVERY_NOT_CANCELLABLE, DELIVERY_IN_PROGRESS, PAPER_COPY_NOT_REQUIRED,
                 AGENCY_STATE_UNCHANGED, AGENCY_SUSPENDED_IN_DIRECTORY, NOT_DESTRUCTIBLE, DESTRUCTION_LIST_STATE -> HttpStatus.CONFLICT;
            case ENVELOPE_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case MEDIA_TYPE_UNSUPPORTED -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case HUB_BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /** Tomcat stops reading a multipart request at server.tomcat.max-part-count parts. */
    private static boolean tooManyParts(Throwable e) {
        return Causes.anyMatching(e, cause -> cause.getClass().getSimpleName().equals("FileCountLimitExceededException"));
    }

    private static String maxPartsSeen() {
        return "more than " + IntakeService.MAX_ATTACHMENTS;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = Causes.root(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
