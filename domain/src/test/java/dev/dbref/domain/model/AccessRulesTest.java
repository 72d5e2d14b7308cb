package dev.dbref.domain.model;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Who may do what, as the domain decides it. */
class AccessRulesTest {
    private static final Caller ADA = new Caller.Authenticated("ada", Set.of(Scope.PRODUCTS_WRITE));
    private static final Caller BOB = new Caller.Authenticated("bob", Set.of());
    private static final Caller ROOT = new Caller.Authenticated("root", Set.of(Scope.ADMIN));

    @Test
    void a_write_scope_is_needed_unless_admin_or_authentication_is_off() {
        assertDoesNotThrow(() -> AccessRules.requireScope(ADA, Scope.PRODUCTS_WRITE));
        assertDoesNotThrow(() -> AccessRules.requireScope(ROOT, Scope.PRODUCTS_WRITE));
        assertDoesNotThrow(() -> AccessRules.requireScope(Caller.ANYONE, Scope.USERS_WRITE));
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> AccessRules.requireScope(BOB, Scope.PRODUCTS_WRITE));
        assertEquals(Optional.of(Scope.PRODUCTS_WRITE), e.missingScope());
        assertThrows(ForbiddenException.class, () -> AccessRules.requireScope(ADA, Scope.USERS_WRITE),
                "one write scope does not grant another");
    }

    @Test
    void only_the_owner_or_admin_may_change_an_owned_row() {
        Owner adas = new Owner.Subject("ada");
        assertDoesNotThrow(() -> AccessRules.requireOwner(ADA, adas, "user", 1));
        assertDoesNotThrow(() -> AccessRules.requireOwner(ROOT, adas, "user", 1));
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> AccessRules.requireOwner(BOB, adas, "user", 1));
        assertEquals(Optional.empty(), e.missingScope(), "ownership is no scope");
        assertEquals("user 1 belongs to another caller", e.getMessage());
    }

    @Test
    void a_row_nobody_owns_changes_for_admin_or_while_authentication_is_off() {
        assertThrows(ForbiddenException.class, () -> AccessRules.requireOwner(ADA, Owner.NOBODY, "user", 2));
        assertDoesNotThrow(() -> AccessRules.requireOwner(ROOT, Owner.NOBODY, "user", 2));
        assertDoesNotThrow(() -> AccessRules.requireOwner(Caller.ANYONE, Owner.NOBODY, "user", 2));
        assertDoesNotThrow(() -> AccessRules.requireOwner(Caller.ANYONE, new Owner.Subject("ada"), "user", 2));
    }

    @Test
    void what_a_caller_creates_is_its_own_and_its_idempotency_keys_too() {
        assertEquals(new Owner.Subject("ada"), Owner.of(ADA));
        assertEquals(Owner.NOBODY, Owner.of(Caller.ANYONE));
        assertEquals("ada", IdempotencyKey.of(ADA, "k").scope());
        assertEquals(IdempotencyKey.SHARED, IdempotencyKey.of(Caller.ANYONE, "k").scope());
    }
}
