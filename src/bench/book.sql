-- The rows one createBooking writes, by one hand-written SQL transaction (pgbench, write
-- benchmark): the hold, on the client's own bookable if it is ACTIVE, an hour after the last
-- one (a sequence numbers them, so none overlaps), and its change-log record made from it.
-- Variables: base (the first of the SQL side's bookables), owner (the user's id).
\set bookable :base + :client_id
BEGIN;
INSERT INTO hold (kind, bookable_id, owner_id, starts_at, ends_at)
SELECT 'BOOKING', b.id, :owner, timestamptz '2200-01-01 00:00Z' + s.n * interval '1 hour',
       timestamptz '2200-01-01 01:00Z' + s.n * interval '1 hour'
FROM bookable b, (SELECT nextval('bench_slot') AS n) s WHERE b.id = :bookable AND b.status = 'ACTIVE'
RETURNING id AS hold \gset
INSERT INTO object_change (user_id, user_name, request_id, action, object_type, object_id, object_repr, data_before, data_after)
SELECT owner_id, 'bench-user', gen_random_uuid(), 'CREATE', 'Booking', id, 'booking ' || id, NULL,
       jsonb_build_object('bookable', translate(rtrim(encode(convert_to('Bookable:' || bookable_id, 'UTF8'), 'base64'), '='), '+/', '-_'),
                          'owner', translate(rtrim(encode(convert_to('User:' || owner_id, 'UTF8'), 'base64'), '='), '+/', '-_'),
                          'project', NULL, 'start', starts_at, 'end', ends_at, 'comment', NULL, 'cancelledAt', NULL)
FROM hold WHERE id = :hold;
COMMIT;
