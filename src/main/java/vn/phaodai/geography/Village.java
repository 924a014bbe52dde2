package vn.phaodai.geography;

/** A village or residential group (thôn, xóm, ấp, bản, tổ dân phố) of a commune. */
public record Village(long id, String communeCode, String name, String kind, boolean active) {
}
