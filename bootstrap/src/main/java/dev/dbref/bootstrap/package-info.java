/**
 * The composition root: reads configuration, builds pool, unit of work, use cases and routes in
 * plain constructors, and runs {@code serve}, {@code migrate} or {@code check}. The only package
 * that knows every module.
 */
package dev.dbref.bootstrap;
