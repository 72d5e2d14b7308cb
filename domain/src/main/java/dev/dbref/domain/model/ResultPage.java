package dev.dbref.domain.model;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the number of all matches, ignoring the page.
 */
public record ResultPage<T>(List<T> items, long total, PageRequest page) {
    public ResultPage {
        items = List.copyOf(items);
    }

    public <R> ResultPage<R> map(Function<T, R> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), total, page);
    }
}
