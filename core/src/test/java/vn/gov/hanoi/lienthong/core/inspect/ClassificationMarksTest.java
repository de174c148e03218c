package vn.gov.hanoi.lienthong.core.inspect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationMarksTest {

    @Test
    void aMarkOpeningTheSubjectIsFound() {
        assertThat(ClassificationMarks.inSubject("MẬT")).contains("MẬT");
        assertThat(ClassificationMarks.inSubject("TỐI MẬT - Về việc triển khai phương án")).contains("TỐI MẬT");
        assertThat(ClassificationMarks.inSubject("  TUYỆT MẬT: Kế hoạch")).contains("TUYỆT MẬT");
        assertThat(ClassificationMarks.inSubject("MẬT Về việc bảo vệ mục tiêu")).contains("MẬT");
        assertThat(ClassificationMarks.inSubject("Về việc kiểm tra. Độ mật: Tối mật")).contains("TỐI MẬT");
    }

    @Test
    void ordinaryWordsInTheSubjectAreNoMark() {
        assertThat(ClassificationMarks.inSubject("Về việc bảo mật thông tin")).isEmpty();
        assertThat(ClassificationMarks.inSubject("Mật khẩu hộp thư công vụ")).isEmpty();
        assertThat(ClassificationMarks.inSubject("Mật độ dân số quận Ba Đình")).isEmpty();
        assertThat(ClassificationMarks.inSubject("MẬT ĐỘ DÂN SỐ NĂM 2026")).as("a subject in capitals").isEmpty();
        assertThat(ClassificationMarks.inSubject("Về việc giữ bí MẬT thông tin")).isEmpty();
        assertThat(ClassificationMarks.inSubject("MẬTKHẨU")).isEmpty();
        assertThat(ClassificationMarks.inSubject(null)).isEmpty();
    }

    @Test
    void aMarkOnALineOfItsOwnOrAfterItsLabelIsFoundInText() {
        assertThat(ClassificationMarks.inText("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n  MẬT  \nSố: 12/QĐ-UBND")).contains("MẬT");
        assertThat(ClassificationMarks.inText("Số: 12/KH-UBND\n[TỐI MẬT]\nKẾ HOẠCH")).contains("TỐI MẬT");
        assertThat(ClassificationMarks.inText("Số: 12/KH-UBND\nĐộ mật: Tuyệt mật\nKẾ HOẠCH")).contains("TUYỆT MẬT");
        assertThat(ClassificationMarks.inText("ĐỘ MẬT: MẬT")).contains("MẬT");
    }

    @Test
    void ordinaryWordsInTextAreNoMark() {
        assertThat(ClassificationMarks.inText("Về việc bảo mật thông tin\nmật khẩu, mật độ\nBẢO MẬT")).isEmpty();
        assertThat(ClassificationMarks.inText("Mật\n")).as("a mark stands in capitals").isEmpty();
        assertThat(ClassificationMarks.inText("Độ mật độ dân cư: cao")).isEmpty();
        assertThat(ClassificationMarks.inText("")).isEmpty();
    }
}
