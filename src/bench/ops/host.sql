SELECT json_build_object('hosts', json_build_object('nodes', coalesce(json_agg(page ORDER BY page.id), '[]')))
FROM (
    SELECT h.id, h.hostname, h.status, h.ip,
           json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object('mac', n.mac, 'ip', n.ip,
               'primary', n.is_primary) ORDER BY n.id), '[]') FROM nic n WHERE n.host_id = h.id)) AS nics,
           (SELECT json_build_object('bookings', json_build_object('nodes', (
                SELECT coalesce(json_agg(json_build_object('start', b.starts_at, 'end', b.ends_at,
                    'owner', json_build_object('username', u.username)) ORDER BY b.starts_at, b.id), '[]')
                FROM (SELECT * FROM hold WHERE bookable_id = bk.id AND kind = 'BOOKING' AND ends_at > '@SINCE@'
                      ORDER BY starts_at, id LIMIT 10) b
                JOIN app_user u ON u.id = b.owner_id)))
            FROM bookable bk WHERE bk.host_id = h.id) AS bookable
    FROM host h
    WHERE h.hostname = '@HOSTNAME@'
    ORDER BY h.id
    LIMIT 1
) page;
