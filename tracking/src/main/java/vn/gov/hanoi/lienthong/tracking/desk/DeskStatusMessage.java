package vn.gov.hanoi.lienthong.tracking.desk;

import java.time.Instant;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.core.status.StatusMessages;
import vn.gov.hanoi.lienthong.schemas.edxml.StaffInfoType;
import vn.gov.hanoi.lienthong.schemas.edxml.StatusType;

/**
 * The edXML status message a desk clerk's action makes: the one an agency's DMS would send, from the agency, with
 * the clerk as its staff — so that it goes through the status stage and reaches the sender exactly as a DMS's.
 */
final class DeskStatusMessage {

    private DeskStatusMessage() {
    }

    static byte[] of(String agencyOrganId, String agencyName, String senderOrganId, String senderDocumentId, String code,
                     String description, Instant at, String clerkName, String incomingNumber) {
        StatusType status = StatusMessages.status(agencyOrganId, senderOrganId, senderDocumentId, code, description, at,
                WorkingCalendar.HANOI);
        status.getFrom().setOrganName(agencyName);
        StaffInfoType staff = new StaffInfoType();
        staff.setDepartment("Văn thư");
        staff.setStaff(clerkName);
        status.setStaffInfo(staff);
        status.setIncomingNumber(incomingNumber);
        return StatusMessages.message(status);
    }
}
