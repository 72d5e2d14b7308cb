package dev.dbref.domain.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A page of products: filter, order, projection and page.
 *
 * @param sort   keys in priority order; ties left by them are always broken by {@code id}
 *               ascending, so that pages are stable
 * @param fields the properties to read; all when empty
 */
public record ProductQuery(ProductFilter filter, List<SortKey> sort, Set<ProductField> fields, PageRequest page) {
    public ProductQuery {
        sort = List.copyOf(sort);
        fields = fields.isEmpty() ? EnumSet.allOf(ProductField.class) : EnumSet.copyOf(fields);
    }

    /** The properties a page must read: those asked for, and the sort keys a cursor is made of. */
    public Set<ProductField> fieldsToRead() {
        Set<ProductField> read = EnumSet.copyOf(fields);
        totalOrder().forEach(key -> read.add(key.field()));
        return read;
    }

    /** Where the page after {@code last} starts, in this query's order. */
    public SeekKey seekKeyAfter(Product last) {
        return new SeekKey(totalOrder().stream().map(key -> key.field().textOf(last)).toList());
    }

    /** The sort as the database must apply it: the requested keys, then {@code id} ascending unless already a key. */
    public List<SortKey> totalOrder() {
        List<SortKey> keys = new ArrayList<>(sort);
        if (keys.stream().noneMatch(k -> k.field() == ProductField.ID)) {
            keys.add(new SortKey(ProductField.ID, false));
        }
        return keys;
    }
}
