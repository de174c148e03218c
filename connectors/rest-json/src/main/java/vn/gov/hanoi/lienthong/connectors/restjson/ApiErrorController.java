package vn.gov.hanoi.lienthong.connectors.restjson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/**
 * The error page of a request under /api/v1 that failed before any controller saw it (a URL the firewall
 * rejects, a request the servlet container refuses): the hub's refusal body, not Spring Boot's default error
 * JSON. Every other path keeps Spring Boot's error page.
 */
@Controller
class ApiErrorController extends BasicErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorController.class);

    private final vn.gov.hanoi.lienthong.core.metrics.HubMeters meters;

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> errorViewResolvers,
                       vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) {
        super(errorAttributes, server.getError(), errorViewResolvers);
        this.meters = meters;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !path.startsWith(RestRefusals.API)) {
            return super.error(request);
        }
        HttpStatus status = getStatus(request);
        Reason reason = status == HttpStatus.UNAUTHORIZED ? ReasonCode.AUTHENTICATION_FAILED.with()
                : status == HttpStatus.FORBIDDEN ? ReasonCode.NOT_PERMITTED.with()
                : status.is5xxServerError() ? ReasonCode.INTERNAL_ERROR.with()
                : ReasonCode.REQUEST_INVALID.with(RestRefusals.describe(status, null));
        LOG.info("Refused a REST call to {} before it reached the API: {}", path, reason.code() + ": " + reason.messageEn());
        meters.refused("door", reason.code());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", reason.code());
        body.put("messageVi", reason.messageVi());
        body.put("messageEn", reason.messageEn());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
