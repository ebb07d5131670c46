-- Two defects of the inventory tables (V3), fixed without editing that migration.

-- 1. Deleting a host whose NIC is primary failed: the foreign key's ON DELETE SET NULL
-- updates the NIC to host_id = NULL, still primary, and nic_primary_needs_host refuses it.
-- A column list (ON DELETE SET NULL (host_id), PostgreSQL 15+) cannot help: it can only
-- null columns, and is_primary is NOT NULL. Clearing is_primary in a BEFORE DELETE trigger
-- on host cannot work either: that UPDATE fires nic_refresh_host, which updates the host
-- being deleted, and PostgreSQL then refuses the DELETE ("tuple to be deleted was already
-- modified by an operation triggered by the current command"). The foreign key's action is
-- an ordinary UPDATE of nic, so a BEFORE UPDATE trigger on nic sees it before the check
-- does: a NIC taken off its host stops being primary, whoever detaches it. It runs only
-- when host_id goes from a host to none, so an explicit primary NIC without a host is
-- still refused by the check.
CREATE FUNCTION nic_detached_is_not_primary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.host_id IS NOT NULL AND NEW.host_id IS NULL THEN
        NEW.is_primary := false;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER nic_detached_is_not_primary BEFORE UPDATE OF host_id ON nic
    FOR EACH ROW EXECUTE FUNCTION nic_detached_is_not_primary();

-- 2. An empty asset number collided with another empty one (host_asset_number_key,
-- card_asset_number_key). A blank asset number means "none" to whoever typed it, so every
-- writer's blank is stored as NULL (which is never a duplicate) rather than refused; the
-- checks state the invariant for anything that bypasses the triggers.
CREATE FUNCTION asset_number_blank_is_none() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF btrim(NEW.asset_number) = '' THEN
        NEW.asset_number := NULL;
    END IF;
    RETURN NEW;
END $$;

UPDATE host SET asset_number = NULL WHERE btrim(asset_number) = '';
UPDATE card SET asset_number = NULL WHERE btrim(asset_number) = '';

CREATE TRIGGER host_asset_number_blank_is_none BEFORE INSERT OR UPDATE OF asset_number ON host
    FOR EACH ROW EXECUTE FUNCTION asset_number_blank_is_none();
CREATE TRIGGER card_asset_number_blank_is_none BEFORE INSERT OR UPDATE OF asset_number ON card
    FOR EACH ROW EXECUTE FUNCTION asset_number_blank_is_none();

ALTER TABLE host ADD CONSTRAINT host_asset_number_not_blank CHECK (btrim(asset_number) <> '');
ALTER TABLE card ADD CONSTRAINT card_asset_number_not_blank CHECK (btrim(asset_number) <> '');
