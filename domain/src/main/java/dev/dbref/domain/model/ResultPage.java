package dev.dbref.domain.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param total   every match, ignoring the page; empty when the request asked for no count
 * @param hasMore whether more matches follow this page
 * @param next    where the following page starts; empty on the last page
 */
public record ResultPage<T>(List<T> items, OptionalLong total, boolean hasMore, Optional<SeekKey> next,
                            PageRequest page) {
    public ResultPage {
        items = List.copyOf(items);
    }

    /**
     * A page from the rows a repository fetched for it, {@link PageRequest#rowsToFetch()} at most:
     * an extra row means more follow, and the last row kept is where the next page starts.
     */
    public static <T> ResultPage<T> of(List<T> fetched, PageRequest page, OptionalLong total,
                                       Function<T, SeekKey> keyOf) {
        boolean more = fetched.size() > page.limit();
        List<T> items = more ? fetched.subList(0, page.limit()) : fetched;
        Optional<SeekKey> next = more ? Optional.of(keyOf.apply(items.getLast())) : Optional.empty();
        return new ResultPage<>(items, total, more, next, page);
    }

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), total, hasMore, next, page);
    }
}
