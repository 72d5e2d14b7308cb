-- Indexes for keyset (cursor) paging; the same as ../postgresql/V3__seek_indexes.sql
-- (SchemaParityTest compares them). SQLite sorts only the right part of an ORDER BY that an index
-- does not give (rows with equal keys by id), which is cheap with a page's LIMIT.
CREATE INDEX products_price_id_idx ON products (price, id);
CREATE INDEX products_quantity_id_idx ON products (quantity, id);
CREATE INDEX products_created_at_id_idx ON products (created_at, id);

DROP INDEX posts_user_id_idx;
CREATE INDEX posts_user_id_id_idx ON posts (user_id, id);
