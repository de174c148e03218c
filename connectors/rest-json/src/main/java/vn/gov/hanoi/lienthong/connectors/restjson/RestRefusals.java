package vn.gov.hanoi.lienthong.connectors.restjson;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * A refusal over REST: the same reason code and sentences as over SOAP, as JSON, with the HTTP status that
 * fits it (401 who are you, 403 not yours, 404 no such document, 400 what you sent).
 */
@RestControllerAdvice(assignableTypes = DocumentsController.class)
public class RestRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(RestRefusals.class);

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<Reason> refused(RefusedException refusal) {
        LOG.info("Refused a REST call: {}", refusal.getMessage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(statusOf(refusal.reason().code()));
        if (ReasonCode.AUTHENTICATION_FAILED.name().equals(refusal.reason().code())) {
            response.header("WWW-Authenticate", "Basic realm=\"lienthong\", charset=\"UTF-8\"");
        }
        return response.body(refusal.reason());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Reason> unreadableUpload(MultipartException e) {
        return ResponseEntity.badRequest().body(ReasonCode.ENVELOPE_UNREADABLE.with("unreadable multipart request: " + e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Reason> failed(Exception e) {
        LOG.error("A REST call failed inside the hub", e);
        return ResponseEntity.internalServerError().body(ReasonCode.INTERNAL_ERROR.with());
    }

    static HttpStatus statusOf(String code) {
        return switch (ReasonCode.valueOf(code)) {
            case AUTHENTICATION_FAILED -> HttpStatus.UNAUTHORIZED;
            case AGENCY_NOT_ACTIVE, SENDER_MISMATCH, NOT_A_RECIPIENT, NOT_A_PARTY, STATUS_SENDER_MISMATCH -> HttpStatus.FORBIDDEN;
            case DOCUMENT_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ENVELOPE_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
