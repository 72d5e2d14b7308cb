/**
 * The request being served: its one context object (kind, consistency tokens, statements), how
 * its body is read within a deadline, the headers every response carries. The lowest package of
 * the adapter.
 */
package dev.dbref.web.request;
