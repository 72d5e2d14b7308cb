package dev.dbref.bench;

import java.util.List;
import java.util.Map;

/**
 * @param postgresqlWithStandby reads on a hot standby of the same server ({@code DATABASE_READ_URL});
 *                              no scenarios when the benchmark runs against a server of yours
 */
record Results(Machine machine, Settings settings, Ceiling pgbench, ServiceRun postgresql,
               ServiceRun postgresqlWithStandby, ServiceRun viaPgbouncer, ServiceRun viaHaproxy, ServiceRun sqlite,
               Map<String, List<CurvePoint>> curve) {
}
