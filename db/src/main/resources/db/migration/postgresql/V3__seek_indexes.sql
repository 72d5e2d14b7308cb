-- Indexes for keyset (cursor) paging: each documented sort key, with id as the tie-breaker, so
-- the page after a cursor is a seek into an index, however deep. A descending sort scans the
-- same index backwards (PostgreSQL then sorts only rows with equal keys by id: incremental sort).
-- name is served by products_name_idx. Keep in step with ../sqlite/V3__seek_indexes.sql.
CREATE INDEX products_price_id_idx ON products (price, id);
CREATE INDEX products_quantity_id_idx ON products (quantity, id);
CREATE INDEX products_created_at_id_idx ON products (created_at, id);

-- A user's posts in id order: the seek for /users/{id}/posts and the foreign key's cascade.
DROP INDEX posts_user_id_idx;
CREATE INDEX posts_user_id_id_idx ON posts (user_id, id);
