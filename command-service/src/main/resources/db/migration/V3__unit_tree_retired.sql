-- A retired unit stays in the tree (its history and paths remain) but takes no new children or assessments.
ALTER TABLE unit_tree ADD COLUMN retired BOOLEAN DEFAULT FALSE NOT NULL;
