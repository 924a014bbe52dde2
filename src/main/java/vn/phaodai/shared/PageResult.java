package vn.phaodai.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total the user needs to page through it. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), total, page, size);
    }

    /** Clamps what a client asked for to sane bounds. */
    public static int size(Integer requested) {
        return requested == null ? 20 : Math.max(1, Math.min(requested, 500));
    }

    public static int page(Integer requested) {
        return requested == null ? 0 : Math.max(0, requested);
    }
}
