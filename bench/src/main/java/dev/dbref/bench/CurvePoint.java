package dev.dbref.bench;

import java.util.Map;

/** The cost curve: the same reads and writes at one size of the products table. */
record CurvePoint(int rows, Map<String, Scenario> scenarios) {
}
