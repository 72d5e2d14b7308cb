package dev.dbref.domain.model;

/**
 * Which slice of a list to return: {@code skip >= 0}, {@code 1 <= limit <= 1000}.
 */
public record PageRequest(long skip, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final PageRequest FIRST = new PageRequest(0, DEFAULT_LIMIT);

    public PageRequest {
        if (skip < 0) {
            throw new InvalidQueryException("skip", "must be >= 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
