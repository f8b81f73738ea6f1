ALTER TABLE widget ADD COLUMN size_cents bigint NOT NULL DEFAULT 0 CHECK (size_cents >= 0);
