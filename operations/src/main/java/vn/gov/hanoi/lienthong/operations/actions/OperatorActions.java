package vn.gov.hanoi.lienthong.operations.actions;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Service;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.directory.AgencyState;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.operator.OperatorActionService;
import vn.gov.hanoi.lienthong.core.operator.OperatorCommand;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * An operator's request, checked and handed on: refused with its reason code when it cannot apply (no reason, an
 * unknown delivery or agency, a state it does not apply to), otherwise put as a command on the durable
 * operator-actions queue, which the stage operator-act carries out. The admin API and the operator page both ask
 * here.
 */
@Service
public class OperatorActions {

    private final JmsTemplate jms;
    private final JdbcTemplate jdbc;
    private final AgencyDirectory directory;
    private final Clock clock;

    public OperatorActions(JmsTemplate jms, JdbcTemplate jdbc, AgencyDirectory directory, Clock clock) {
        this.jms = jms;
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** A FAILED delivery queued for its agency again. */
    public OperatorCommand redrive(String person, UUID deliveryId, String reason) {
        String why = required(reason);
        DeliveryState state = stateOf(deliveryId);
        if (state != DeliveryState.FAILED) throw RefusedException.because(ReasonCode.DELIVERY_NOT_FAILED, deliveryId, state);
        return send(person, OperatorCommand.REDRIVE, why, List.of(deliveryId), null);
    }

    /** Every FAILED delivery of an agency queued again. */
    public OperatorCommand redriveAgency(String person, String organId, String reason) {
        String why = required(reason);
        agency(organId);
        List<UUID> failed = jdbc.queryForList("select id from delivery where recipient_organ_id = ? and state = 'FAILED' "
                + "order by updated_at", UUID.class, organId);
        return send(person, OperatorCommand.REDRIVE, why, failed, null);
    }

    /** A delivery that has not arrived withdrawn: CANCELLED, its sender told. */
    public OperatorCommand cancel(String person, UUID deliveryId, String reason) {
        String why = required(reason);
        DeliveryState state = stateOf(deliveryId);
        if (!OperatorActionService.cancellable(state)) {
            throw RefusedException.because(ReasonCode.DELIVERY_NOT_CANCELLABLE, deliveryId, state);
        }
        return send(person, OperatorCommand.CANCEL, why, List.of(deliveryId), null);
    }

    /** The document sent once more to this delivery's recipient (it lost it; the delivery failed or was cancelled). */
    public OperatorCommand resend(String person, UUID deliveryId, String reason) {
        String why = required(reason);
        DeliveryState state = stateOf(deliveryId);
        if (!OperatorActionService.resendable(state)) throw RefusedException.because(ReasonCode.DELIVERY_IN_PROGRESS, deliveryId, state);
        return send(person, OperatorCommand.RESEND, why, List.of(deliveryId), null);
    }

    /** An agency suspended: its system refused at the door, what is addressed to it held in its queue. */
    public OperatorCommand suspend(String person, String organId, String reason) {
        String why = required(reason);
        Agency agency = agency(organId);
        if (agency.state() == AgencyState.SUSPENDED) {
            throw RefusedException.because(ReasonCode.AGENCY_STATE_UNCHANGED, organId, AgencyState.SUSPENDED);
        }
        return send(person, OperatorCommand.SUSPEND, why, List.of(), organId);
    }

    /** An operator's suspension lifted (one the directory file sets is the file's to lift). */
    public OperatorCommand reactivate(String person, String organId, String reason) {
        String why = required(reason);
        Agency agency = agency(organId);
        if (directory.suspendedInFile(organId)) throw RefusedException.because(ReasonCode.AGENCY_SUSPENDED_IN_DIRECTORY, organId);
        if (agency.state() != AgencyState.SUSPENDED) {
            throw RefusedException.because(ReasonCode.AGENCY_STATE_UNCHANGED, organId, agency.state());
        }
        return send(person, OperatorCommand.REACTIVATE, why, List.of(), organId);
    }

    /** The agency directory file read again (it is also read when it changes). */
    public OperatorCommand reloadDirectory(String person, String reason) {
        return send(person, OperatorCommand.RELOAD_DIRECTORY, required(reason), List.of(), null);
    }

    private OperatorCommand send(String person, String action, String reason, List<UUID> deliveryIds, String organId) {
        OperatorCommand command = new OperatorCommand(UUID.randomUUID(), action, person, reason, clock.instant(), deliveryIds, organId);
        jms.convertAndSend(OperatorCommand.QUEUE, command.encode());
        return command;
    }

    private DeliveryState stateOf(UUID deliveryId) {
        List<String> state = jdbc.queryForList("select state from delivery where id = ?", String.class, deliveryId);
        if (state.isEmpty()) throw RefusedException.because(ReasonCode.DELIVERY_NOT_FOUND, deliveryId);
        return DeliveryState.valueOf(state.get(0));
    }

    private Agency agency(String organId) {
        return directory.byOrganId(organId).orElseThrow(() -> RefusedException.because(ReasonCode.UNKNOWN_RECIPIENT, organId));
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) throw RefusedException.because(ReasonCode.ACTION_REASON_REQUIRED);
        return reason.strip();
    }
}
