package dev.dbref.domain.model;

/** A request asked for something that is not allowed: a bad bound, an unknown sort field, a malformed header. */
public final class InvalidQueryException extends DomainException {
    private final String parameter;

    public InvalidQueryException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    /** The query parameter at fault, as clients spell it. */
    public String parameter() {
        return parameter;
    }
}
