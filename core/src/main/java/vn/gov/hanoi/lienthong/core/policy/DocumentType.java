package vn.gov.hanoi.lienthong.core.policy;

/**
 * A type of the official list.
 *
 * @param abbreviation the type's abbreviation in the number and notation (QĐ, BC…), null for Công văn and Thư công
 * @param requirement  what Articles 4 and 5 require of it
 * @param article      the article that says so
 * @param paperWaivedBy the articles that waive the paper copy when the document is validly signed, if any
 */
public record DocumentType(int number, String name, String abbreviation, Requirement requirement, String article,
                           String paperWaivedBy) {
}
