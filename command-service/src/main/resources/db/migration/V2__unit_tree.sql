-- The unit tree as the command side needs it for scope checks and tree rules (no cycles).
-- Maintained by a subscribing event processor in the same transaction as the events, so it is never behind.
CREATE TABLE unit_tree (
    unit_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
    parent_id VARCHAR(64),
    code      VARCHAR(64)   NOT NULL,
    path      VARCHAR(4000) NOT NULL,
    CONSTRAINT uk_unit_tree_code UNIQUE (code)
);
