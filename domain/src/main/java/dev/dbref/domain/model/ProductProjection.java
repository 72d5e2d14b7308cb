package dev.dbref.domain.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * A product as a list with {@code fields=} returns it: the properties asked for, and only those.
 * The other components of {@code values} were not read and mean nothing; {@link #fields()} says
 * which ones do, so no reader has to guess from nulls and zeros.
 */
public record ProductProjection(Set<ProductField> fields, Product values) {
    public ProductProjection {
        fields = EnumSet.copyOf(fields);
    }
}
