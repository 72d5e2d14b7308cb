package dev.dbref.domain.model;

import java.util.EnumSet;
import java.util.Set;

/** A page of users, ordered by id, with what each one embeds. */
public record UserQuery(UserFilter filter, PageRequest page, Set<UserInclude> include) {
    public UserQuery {
        include = include.isEmpty() ? EnumSet.noneOf(UserInclude.class) : EnumSet.copyOf(include);
    }

    public boolean includes(UserInclude what) {
        return include.contains(what);
    }
}
