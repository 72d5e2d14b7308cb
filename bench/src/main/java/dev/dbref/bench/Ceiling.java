package dev.dbref.bench;

/** PostgreSQL's own ceiling in the same run: pgbench of the statements the service runs. */
record Ceiling(double selectTps, double cursorTps, double listTps, double insertTps, double patchTps, double bulkRowsPerS,
               String server) {
}
