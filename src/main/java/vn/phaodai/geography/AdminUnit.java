package vn.phaodai.geography;

/** A province, district or commune as the API shows it. */
public record AdminUnit(String code, String name, String nameEn, UnitKind kind, String parentCode, boolean active,
                        int children) {
}
