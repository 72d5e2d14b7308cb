package dev.dbref.bootstrap;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.dbref.web.request.RequestContext;
import dev.dbref.web.request.RequestLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code LOG_FORMAT=json}: one JSON object per line, for log shippers: {@code time}, {@code level},
 * {@code logger}, {@code message}, {@code request_id} while serving a request, and for request
 * lines {@code method}, {@code path}, {@code route}, {@code status}, {@code duration_ms},
 * {@code statements}. Messages are the same as in plain text, so secrets stay out alike.
 */
public final class JsonLogFormat extends Formatter {
    private static final JsonStringEncoder JSON = JsonStringEncoder.getInstance();

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", Instant.ofEpochMilli(record.getMillis()).toString());
        field(line.append(','), "level", record.getLevel().getName());
        field(line.append(','), "logger", record.getLoggerName());
        field(line.append(','), "message", formatMessage(record));
        String requestId = RequestContext.currentRequestId();
        if (requestId != null) {
            field(line.append(','), "request_id", requestId);
        }
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length == 1 && parameters[0] instanceof RequestLine request) {
            field(line.append(','), "method", request.method());
            field(line.append(','), "path", request.path());
            field(line.append(','), "route", request.route());
            line.append(",\"status\":").append(request.status());
            line.append(",\"duration_ms\":").append(Math.round(request.durationMillis() * 100) / 100.0);
            line.append(",\"statements\":").append(request.statements());
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            field(line.append(','), "stack_trace", trace.toString());
        }
        return line.append('}').append(System.lineSeparator()).toString();
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":\"").append(JSON.quoteAsString(value == null ? "" : value)).append('"');
    }
}
