package dev.dbref.persistence.repository;

import dev.dbref.domain.model.Owner;

/** {@code users.owner_subject}: the owner's {@code sub}, NULL for {@link Owner#NOBODY}. */
final class Owners {
    private Owners() {
    }

    static Owner fromColumn(String subject) {
        return subject == null ? Owner.NOBODY : new Owner.Subject(subject);
    }

    static String toColumn(Owner owner) {
        return switch (owner) {
            case Owner.Nobody nobody -> null;
            case Owner.Subject subject -> subject.subject();
        };
    }
}
