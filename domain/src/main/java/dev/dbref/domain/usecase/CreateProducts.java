package dev.dbref.domain.usecase;

import dev.dbref.domain.model.Scope;
import dev.dbref.domain.model.AccessRules;
import dev.dbref.domain.model.Caller;
import dev.dbref.domain.model.FieldError;
import dev.dbref.domain.model.ProductDraft;
import dev.dbref.domain.model.ValidationException;
import dev.dbref.domain.port.UnitOfWork;

import java.time.Clock;
import java.util.List;

/** Adds 1..1000 products at once: all of them, or none. */
public final class CreateProducts {
    public static final int MAX_ITEMS = 1000;

    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SafeRetries retries;

    public CreateProducts(UnitOfWork unitOfWork, Clock clock, SafeRetries retries) {
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.retries = retries;
    }

    /**
     * @return the new ids, in the order of {@code drafts}
     * @throws ValidationException when there are no drafts or more than {@link #MAX_ITEMS}
     */
    public List<Long> createAll(Caller caller, List<ProductDraft> drafts) {
        AccessRules.requireScope(caller, Scope.PRODUCTS_WRITE);
        requireCount(drafts.size());
        return unitOfWork.write(inserting(drafts));
    }

    /** The same, at most once per key: a repeat gets the first answer. */
    public Answered createAll(Caller caller, List<ProductDraft> drafts, OnceOnly<List<Long>> once) {
        AccessRules.requireScope(caller, Scope.PRODUCTS_WRITE);
        requireCount(drafts.size());
        return retries.once(once, inserting(drafts));
    }

    private UnitOfWork.Work<List<Long>> inserting(List<ProductDraft> drafts) {
        return repos -> repos.products().insertAll(drafts, Now.of(clock));
    }

    /**
     * The bulk-size rule, also for an adapter that checks it before it reads every item.
     *
     * @throws ValidationException when {@code count} is not between 1 and {@link #MAX_ITEMS}
     */
    public static void requireCount(int count) {
        if (count < 1 || count > MAX_ITEMS) {
            throw new ValidationException(List.of(new FieldError("body",
                    "must be an array of 1 to " + MAX_ITEMS + " products, was " + count)));
        }
    }
}
