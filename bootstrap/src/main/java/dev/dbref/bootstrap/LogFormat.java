package dev.dbref.bootstrap;

import dev.dbref.web.request.RequestContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per event: UTC time, level, logger, the request id when the event happened while
 * serving a request (so every line of one request can be found together), then the message.
 */
public final class LogFormat extends Formatter {
    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(String.format("%-7s", record.getLevel().getName())).append(' ')
                .append(record.getLoggerName());
        String requestId = RequestContext.currentRequestId();
        if (requestId != null) {
            line.append(" [").append(requestId).append(']');
        }
        line.append(" - ").append(formatMessage(record)).append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }
}
