package dev.dbref.bootstrap;

import dev.dbref.persistence.connection.ConnectionBudget;
import dev.dbref.persistence.Database;
import dev.dbref.persistence.connection.DatabaseUnreachableException;
import dev.dbref.persistence.connection.DatabaseRole;
import dev.dbref.persistence.connection.DatabaseUrl;
import dev.dbref.persistence.migration.MigrationReport;
import dev.dbref.persistence.migration.MigrationSettings;
import dev.dbref.persistence.connection.ServerCheck;
import dev.dbref.persistence.connection.ServerInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;

/**
 * {@code java -jar dbref.jar [serve|migrate|check]}. Failures a user can fix (bad configuration,
 * unreachable database) end with one line on stderr and a non-zero exit, never a stack trace.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything logs: LogManager reads this property once, when first used.
        System.setProperty("java.util.logging.manager", KeepLoggingLogManager.class.getName());
        configureLogging();
        Application.pinGlobalMappers();
        int code = run(args, System.getenv(), System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "serve" : args[0];
        try {
            return switch (command) {
                case "serve" -> serve(SettingsLoader.load(env));
                case "migrate" -> migrate(SettingsLoader.load(env), out);
                case "check" -> check(SettingsLoader.load(env), out);
                case "train" -> Training.run(env);
                case "help", "-h", "--help" -> usage(out, OK);
                default -> usage(err, USAGE);
            };
        } catch (IllegalArgumentException e) {
            err.println("dbref: configuration error: " + e.getMessage());
            return USAGE;
        } catch (DatabaseUnreachableException e) {
            err.println("dbref: cannot use the database: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException | java.io.IOException e) {
            err.println("dbref: " + command + " failed: " + oneLine(e));
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private static int serve(Settings settings) {
        Application app = Application.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static int migrate(Settings settings, PrintStream out) {
        MigrationSettings migration = settings.migration();
        ServerCheck.reach(migration.url());
        MigrationReport report = Database.migrate(migration);
        out.println("applied " + report.applied() + " migration(s); schema version " + report.schemaVersion());
        migration.grantee().ifPresent(role -> out.println("granted " + role
                + " SELECT, INSERT, UPDATE and DELETE on the application's tables, and their sequences"));
        return OK;
    }

    private static int check(Settings settings, PrintStream out) {
        DatabaseUrl url = settings.database().url();
        ServerInfo info = ServerCheck.reach(url);
        out.println("database:       " + url);
        out.println("dialect:        " + info.dialect().displayName());
        out.println("server version: " + info.serverVersion());
        out.println(String.format(Locale.ROOT, "round trip:     %.2f ms", info.roundTrip().toNanos() / 1e6));
        out.println("connection:     " + info.transport().describe());
        info.transport().warningFor(url).ifPresent(warning -> out.println("warning: " + warning));
        DatabaseRole role = ServerCheck.role(url);
        out.println("role:           " + role.describe());
        role.warning().ifPresent(warning -> out.println("warning: " + warning));
        ConnectionBudget.of(url).ifPresent(budget -> {
            int pool = settings.pool().maxSizeOn(url.dialect());
            out.println("max_connections: " + budget.maxConnections() + " (" + budget.reserved() + " reserved, "
                    + budget.inUse() + " in use, " + budget.free() + " free)");
            out.println("instances that still fit with a pool of " + pool + ": " + budget.instancesThatFit(pool));
        });
        return OK;
    }

    private static int usage(PrintStream stream, int code) {
        stream.println("usage: dbref [serve|migrate|check]");
        stream.println("  serve    start the HTTP service (default)");
        stream.println("  migrate  apply pending database migrations and exit");
        stream.println("  check    connect, run SELECT 1, print dialect, server version, round trip, encryption and role");
        stream.println("  train    exercise the service on an in-memory database (to record a JDK 25 AOT cache)");
        return code;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") == null) {
            try (InputStream in = Main.class.getResourceAsStream("/logging.properties")) {
                if (in != null) {
                    LogManager.getLogManager().readConfiguration(in);
                }
            } catch (IOException e) {
                System.err.println("dbref: logging configuration unreadable, using JDK defaults");
            }
        } else {
            LogManager.getLogManager();
        }
        if ("json".equalsIgnoreCase(String.valueOf(System.getenv("LOG_FORMAT")).strip())) {
            for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
                handler.setFormatter(new JsonLogFormat());
            }
        }
        KeepLoggingLogManager.configured();
    }
}
