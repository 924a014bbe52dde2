package vn.phaodai.homecare.readings;

import java.math.BigDecimal;
import java.util.List;

/** One reading of the daily log (Bảng nhật ký theo dõi): vital signs and symptoms, any of them may be missing. */
public record ReadingForm(String takenAt, BigDecimal temperature, Integer spo2, Integer breathingRate, Integer pulse,
                          Integer systolic, Integer diastolic, List<String> symptoms) {

    /** The symptoms a reading may record (children: feeding and vomiting too). */
    public static final List<String> SYMPTOMS = List.of("COUGH", "SHORTNESS_OF_BREATH", "CHEST_PAIN", "LOSS_OF_SMELL_OR_TASTE", "DIARRHOEA",
            "CONFUSION", "CYANOSIS", "POOR_EATING", "POOR_FEEDING", "VOMITING", "FEVER_NOT_FALLING");
}
