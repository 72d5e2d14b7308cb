package dev.dbref.domain.model;

/** Whether a list counts all its matches: exactly (one more statement), or not at all. */
public enum Totals {
    EXACT, NONE
}
