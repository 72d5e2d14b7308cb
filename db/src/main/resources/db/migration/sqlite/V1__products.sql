-- Products on SQLite. Same tables, columns, nullability and constraint names as the PostgreSQL
-- migration (SchemaParityTest compares them); types differ where SQLite needs it:
-- only INTEGER PRIMARY KEY aliases the rowid (AUTOINCREMENT: ids are never reused, as with an
-- identity), and timestamps are ISO-8601 UTC text, which sorts chronologically.
CREATE TABLE products (
    id          INTEGER       NOT NULL CONSTRAINT products_pk PRIMARY KEY AUTOINCREMENT,
    name        VARCHAR(100)  NOT NULL,
    name_key    TEXT          NOT NULL,
    description VARCHAR(500),
    price       NUMERIC(12,2) NOT NULL CONSTRAINT products_price_non_negative CHECK (price >= 0),
    quantity    BIGINT        NOT NULL CONSTRAINT products_quantity_non_negative CHECK (quantity >= 0),
    version     BIGINT        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX products_name_idx ON products (name);
CREATE INDEX products_name_price_idx ON products (name, price);
