-- A host on loan remembers the status it goes back to when the loan is returned. The host,
-- not the loan, keeps it: the inventory restores the host from its own row when it handles
-- the loan's end, and the loans module never needs to know the inventory's statuses.
ALTER TABLE host ADD COLUMN status_before_loan text
    CHECK (status_before_loan IN ('NEW', 'ACTIVE', 'INACTIVE'));

UPDATE host h SET status_before_loan = coalesce(
        (SELECT l.host_status_before FROM loan l WHERE l.host_id = h.id AND l.returned_at IS NULL), 'ACTIVE')
    WHERE h.status = 'ON_LOAN';

ALTER TABLE host ADD CONSTRAINT host_status_before_loan_while_on_loan
    CHECK ((status = 'ON_LOAN') = (status_before_loan IS NOT NULL));

ALTER TABLE loan DROP COLUMN host_status_before;
