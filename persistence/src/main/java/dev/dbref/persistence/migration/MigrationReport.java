package dev.dbref.persistence.migration;

/**
 * What a migration run did.
 *
 * @param applied        migrations applied by this run (0 when the schema was current)
 * @param schemaVersion  the schema's version afterwards
 */
public record MigrationReport(int applied, String schemaVersion) {
}
