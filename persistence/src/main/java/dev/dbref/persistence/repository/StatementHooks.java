package dev.dbref.persistence.repository;

import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;
import org.jooq.conf.ParamType;

import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;

/**
 * The {@link StatementHook}s of a database, in order, on both ways a statement runs: as jOOQ's
 * execute listener, and kept in the jOOQ configuration's data, where {@link PreparedRead} finds
 * them for the statements it runs over JDBC. One list, so that no statement escapes a hook.
 */
public final class StatementHooks implements ExecuteListener {
    private static final String KEY = "dev.dbref.statementHooks";
    private static final String STARTED = "dev.dbref.statementStarted";
    private static final StatementHooks NONE = new StatementHooks(List.of());

    private final List<StatementHook> hooks;

    public StatementHooks(List<StatementHook> hooks) {
        this.hooks = List.copyOf(hooks);
    }

    /** Makes {@code configuration} run every statement through these hooks; returns it. */
    public Configuration installIn(Configuration configuration) {
        configuration.set(this);
        configuration.data(KEY, this);
        return configuration;
    }

    /** The hooks {@code configuration} was given, or none. */
    static StatementHooks of(Configuration configuration) {
        return configuration.data(KEY) instanceof StatementHooks installed ? installed : NONE;
    }

    void starting(Configuration unitOfWork, Statement statement, ExecuteType type) {
        for (StatementHook hook : hooks) {
            hook.starting(unitOfWork, statement, type);
        }
    }

    void ran(Statement statement, RanStatement ran) {
        for (StatementHook hook : hooks) {
            hook.ran(statement, ran);
        }
    }

    void failed(Statement statement) {
        for (StatementHook hook : hooks) {
            hook.failed(statement);
        }
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        starting(ctx.configuration(), ctx.statement(), ctx.type());
        ctx.data(STARTED, System.nanoTime());
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        if (!(ctx.data(STARTED) instanceof Long start)) {
            return;
        }
        long nanos = System.nanoTime() - start;
        OptionalInt rows = ctx.rows() >= 0 ? OptionalInt.of(ctx.rows()) : OptionalInt.empty();
        ran(ctx.statement(), new RanStatement(nanos, rows, ctx.sql(),
                () -> ctx.query() == null ? ctx.sql() : ctx.query().getSQL(ParamType.INLINED)));
    }

    @Override
    public void exception(ExecuteContext ctx) {
        failed(ctx.statement());
    }
}
