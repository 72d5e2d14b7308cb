package dev.dbref.bench;

/** One figure judged against its target: at least (or at most) {@code bound}; "-" is context, never failed. */
record Target(String figure, double value, String target, double bound, boolean atLeast) {
    boolean met() {
        return target.equals("-") || (atLeast ? value >= bound : value <= bound);
    }
}
