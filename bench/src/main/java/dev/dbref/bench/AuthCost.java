package dev.dbref.bench;

import dev.dbref.testkit.TokenIssuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * What bearer tokens cost: GET by id on the same database and data, first with authentication off,
 * then with a JWKS file and every request carrying a valid RS256 token, as a client sends one until
 * it expires, with the same warm-up and load: {@code bench/results/auth.md}.
 */
record AuthCost(Scenario off, Scenario on) {
    static AuthCost run(Bench bench, Postgres pg) throws Exception {
        Postgres db = pg.newDatabase("auth_cost");
        Scenario off;
        Service open = Service.start(bench.root, db.serviceUrl(), bench.work.resolve("auth-off.log"));
        try {
            bench.load(open);
            db.execute("VACUUM ANALYZE");
            off = measure(bench, open, "auth_off", Scripts.getProduct());
        } finally {
            open.stop();
        }
        TokenIssuer issuer = TokenIssuer.create("bench");
        Path jwks = issuer.jwksFile(bench.work);
        String token = issuer.rs256(TokenIssuer.claims("bench", "products:write")
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
        Service guarded = Service.start(bench.root, Map.of("DATABASE_URL", db.serviceUrl(), "AUTH_JWKS_FILE", jwks.toString(),
                "AUTH_ISSUER", TokenIssuer.ISSUER, "AUTH_AUDIENCE", TokenIssuer.AUDIENCE), bench.work.resolve("auth-on.log"));
        Scenario on;
        try {
            on = measure(bench, guarded, "auth_on", Scripts.withHeader(Scripts.getProduct(), "Authorization", "Bearer " + token));
        } finally {
            guarded.stop();
        }
        return new AuthCost(off, on);
    }

    private static Scenario measure(Bench bench, Service service, String name, String script) throws Exception {
        bench.wrk.run(service, name + "_warmup", script, SideBySide.WARMUP_SECONDS, bench.connections);
        Scenario measured = bench.wrk.scenario(service, name + "_get_product", script, bench.connections);
        if (measured.errors() > 0) {
            throw new IllegalStateException(name + ": " + measured.errors() + " requests failed (a refused token?)");
        }
        return measured;
    }

    String markdown() {
        return String.format(Locale.ROOT, """
                | GET /products/{id} | req/s | p99 ms | CPU ms/req |
                |---|---|---|---|
                | authentication off | %.0f | %.1f | %.3f |
                | bearer token (RS256; a token's signature checked once, then remembered up to 60 s) | %.0f | %.1f | %.3f |

                With a token ÷ without: %.2f × the requests per second.
                """, off.rps(), off.p99Ms(), off.cpuMsPerRequest(), on.rps(), on.p99Ms(), on.cpuMsPerRequest(),
                off.rps() == 0 ? 0 : on.rps() / off.rps());
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("auth.md"), markdown());
        System.out.println();
        System.out.println(markdown());
    }
}
