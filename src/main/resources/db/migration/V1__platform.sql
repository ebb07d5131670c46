-- Shared mechanics: extensions and the scheduler lock table. No domain tables here.

-- btree_gist lets an exclusion constraint combine "same bookable" (=) with "overlapping period" (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- ShedLock: each scheduled run happens on exactly one instance.
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);

-- Every entity table carries id, version (optimistic locking), created_at and updated_at.
-- updated_at is kept by the database so that no writer can forget it.
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;
