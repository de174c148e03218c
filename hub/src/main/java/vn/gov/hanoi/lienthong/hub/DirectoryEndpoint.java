package vn.gov.hanoi.lienthong.hub;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.operator.OperatorActionService;
import vn.gov.hanoi.lienthong.core.operator.OperatorCommand;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.routes.DirectoryReloader;
import vn.gov.hanoi.lienthong.routes.OperatorActionEffects;

/**
 * For operators: what directory the hub runs on (GET /actuator/directory), and a reload (POST), answered with what
 * it found. The reload is an operator's action like POST /api/v1/admin/directory/reload: it takes a reason
 * ({"reason": "…"}) and is recorded with the person and in the ledger.
 */
@Component
@Endpoint(id = "directory")
class DirectoryEndpoint {

    private final AgencyDirectory directory;
    private final DirectoryReloader reloader;
    private final OperatorActionService actions;
    private final OperatorActionEffects effects;
    private final Clock clock;

    DirectoryEndpoint(AgencyDirectory directory, DirectoryReloader reloader, OperatorActionService actions,
                      OperatorActionEffects effects, Clock clock) {
        this.directory = directory;
        this.reloader = reloader;
        this.actions = actions;
        this.effects = effects;
        this.clock = clock;
    }

    @ReadOperation
    Map<String, Object> directory() {
        return Map.of("source", reloader.location(), "agencies", directory.all().size(),
                "lastReload", reloader.lastOutcome() == null ? "none since start-up" : reloader.lastOutcome());
    }

    /** POST with {"reason": "…"}: without one, 400 ACTION_REASON_REQUIRED. */
    @WriteOperation
    WebEndpointResponse<Object> reload(SecurityContext person, @Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            return new WebEndpointResponse<>(RefusedException.because(ReasonCode.ACTION_REASON_REQUIRED).reason(),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
        OperatorCommand command = new OperatorCommand(UUID.randomUUID(), OperatorCommand.RELOAD_DIRECTORY,
                person.getPrincipal().getName(), reason.strip(), clock.instant(), List.of(), null);
        actions.carryOut(command);
        return new WebEndpointResponse<>(effects.apply(command));
    }
}
