package dev.dbref.bench;

/** Starts the service from its jar, loads the data set, warms up, then runs every scenario. */
/** Something to measure while the service is loaded and idle, e.g. the database's own ceiling. */
interface Step {
    void run() throws Exception;
}
