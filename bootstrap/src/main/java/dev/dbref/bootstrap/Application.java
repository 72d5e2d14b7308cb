package dev.dbref.bootstrap;

import dev.dbref.domain.port.UnitOfWork;
import dev.dbref.domain.usecase.ProductUseCases;
import dev.dbref.domain.usecase.UserUseCases;
import dev.dbref.persistence.Database;
import dev.dbref.persistence.DatabaseUrl;
import dev.dbref.persistence.MigrationReport;
import dev.dbref.web.Api;
import io.helidon.webserver.WebServer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * The wired service, read top to bottom: configuration, then the pool, then the unit of work,
 * then the use cases, then the routes and the server. Stopping reverses it: the server stops
 * taking requests and finishes those in flight, then the pool closes.
 */
final class Application implements AutoCloseable {
    private static final Logger LOG = System.getLogger(Application.class.getName());

    private final Database database;
    private final WebServer server;

    private Application(Database database, WebServer server) {
        this.database = database;
        this.server = server;
    }

    static Application start(Settings settings) {
        DatabaseUrl url = DatabaseUrl.parse(settings.databaseUrl());
        RequestStatements statements = new RequestStatements();
        Database database = Database.open(url, settings.pool(), statements, settings.sqlEcho());
        try {
            database.check();
            if (settings.migrateOnStart()) {
                MigrationReport report = database.migrate();
                LOG.log(Level.INFO, "schema at version " + report.schemaVersion() + " (" + report.applied() + " applied now)");
            }
            UnitOfWork unitOfWork = database.unitOfWork();
            Clock clock = Clock.systemUTC();
            ProductUseCases products = ProductUseCases.over(unitOfWork, clock);
            UserUseCases users = UserUseCases.over(unitOfWork, clock);
            WebServer server = WebServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    .shutdownHook(false)
                    .shutdownGracePeriod(settings.shutdownGrace())
                    .maxPayloadSize(Api.MAX_BODY_BYTES)
                    .maxConcurrentRequests(settings.maxConcurrentRequests())
                    .idleConnectionTimeout(settings.idleConnectionTimeout())
                    .directHandlers(Api.directHandlers())
                    .routing(routing -> Api.routing(routing, products, users, statements))
                    .build()
                    .start();
            LOG.log(Level.INFO, "listening on http://" + displayHost(settings.host()) + ":" + server.port()
                    + " with database " + database.describe());
            return new Application(database, server);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static String displayHost(String host) {
        return host.equals("0.0.0.0") ? "localhost" : host;
    }

    int port() {
        return server.port();
    }

    Database database() {
        return database;
    }

    @Override
    public void close() {
        server.stop();
        database.close();
        LOG.log(Level.INFO, "stopped; connection pool closed");
    }
}
