package dev.dbref.domain.model;

/**
 * One criterion on a column: {@code price > 10}, {@code quantity = 0}.
 *
 * @param <T> the column's value type
 */
public record Comparison<T extends Comparable<? super T>>(Operator operator, T value) {

    public enum Operator {
        EQ, GT, GTE, LT, LTE
    }

    public Comparison {
        if (operator == null || value == null) {
            throw new IllegalArgumentException("a comparison needs an operator and a value");
        }
    }

    /** Whether {@code candidate} meets this criterion. */
    public boolean test(T candidate) {
        int c = candidate.compareTo(value);
        return switch (operator) {
            case EQ -> c == 0;
            case GT -> c > 0;
            case GTE -> c >= 0;
            case LT -> c < 0;
            case LTE -> c <= 0;
        };
    }
}
