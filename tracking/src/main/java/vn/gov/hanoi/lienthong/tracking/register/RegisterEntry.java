package vn.gov.hanoi.lienthong.tracking.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a register, with the columns of the decree's templates.
 *
 * @param enteredAt         the day received (incoming) or sent (outgoing), with its time
 * @param number            the register's number: from 1 each 1 January
 * @param issuingOrgan      the organ that issued the document (incoming)
 * @param numberAndNotation the document's own number and notation (123/QĐ-UBND)
 * @param handledBy         the unit or person it was given to (incoming), or the unit that drafted it (outgoing)
 * @param enteredBy         the clerk who entered it
 */
public record RegisterEntry(String organId, Register register, int year, int number, UUID documentId, Instant enteredAt,
                            String issuingOrgan, String numberAndNotation, LocalDate documentDate, String typeName,
                            String summary, String handledBy, String notes, String enteredBy) {
}
