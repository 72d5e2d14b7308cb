package dev.dbref.domain.model;

import java.util.EnumSet;
import java.util.Set;

/** A page of posts, ordered by id, with what each one embeds. */
public record PostQuery(PostFilter filter, PageRequest page, Set<PostInclude> include) {
    public PostQuery {
        include = include.isEmpty() ? EnumSet.noneOf(PostInclude.class) : EnumSet.copyOf(include);
    }

    public boolean includes(PostInclude what) {
        return include.contains(what);
    }
}
