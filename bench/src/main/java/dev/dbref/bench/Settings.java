package dev.dbref.bench;

record Settings(int durationS, int connections, int wrkThreads, boolean requestLog) {
}
