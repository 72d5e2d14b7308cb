/**
 * Cursor paging: the page a request asks for, the envelope of a list, and signed cursors.
 */
package dev.dbref.web.paging;
