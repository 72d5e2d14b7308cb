package dev.dbref.bench;

/** One scenario: what wrk measured, and the service's CPU time per request meanwhile. */
record Scenario(double rps, long requests, double p50Ms, double p99Ms, long non2xx, long socketErrors,
                double cpuMsPerRequest) {
    long errors() {
        return non2xx + socketErrors;
    }

    Scenario withCpuMsPerRequest(double cpu) {
        return new Scenario(rps, requests, p50Ms, p99Ms, non2xx, socketErrors, cpu);
    }
}
