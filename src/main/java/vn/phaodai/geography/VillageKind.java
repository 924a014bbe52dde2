package vn.phaodai.geography;

import vn.phaodai.geography.imports.GsoListParser;

import java.util.Locale;

/** Kinds of village-level residential unit; the name varies by region. */
public enum VillageKind {
    THON("Thôn"), XOM("Xóm"), AP("Ấp"), BAN("Bản"), BUON("Buôn"), PHUM_SOC("Phum, sóc"), TO_DAN_PHO("Tổ dân phố"), KHU_PHO("Khu phố");

    private final String label;

    VillageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the code or the Vietnamese word, accents optional; blank means THON; null when it is neither. */
    static VillageKind parse(String raw) {
        if (raw == null || raw.isBlank()) return THON;
        String f = GsoListParser.fold(raw);
        for (VillageKind k : values()) {
            if (k.name().equalsIgnoreCase(raw.strip()) || GsoListParser.fold(k.label).equals(f)) return k;
        }
        return null;
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
