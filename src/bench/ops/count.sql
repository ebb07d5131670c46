SELECT json_build_object('hosts', json_build_object('totalCount', (SELECT count(*) FROM host),
    'nodes', coalesce(json_agg(page ORDER BY page.id), '[]')))
FROM (
    SELECT h.id, h.hostname, h.status, h.ip,
           CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('name', r.name, 'lab',
               json_build_object('name', l.name, 'building', json_build_object('name', b.name))) END AS rack,
           json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object('mac', n.mac, 'ip', n.ip,
               'primary', n.is_primary) ORDER BY n.id), '[]') FROM nic n WHERE n.host_id = h.id)) AS nics,
           (SELECT json_build_object('status', bk.status) FROM bookable bk WHERE bk.host_id = h.id) AS bookable
    FROM host h
    LEFT JOIN rack r ON r.id = h.rack_id
    LEFT JOIN lab l ON l.id = r.lab_id
    LEFT JOIN building b ON b.id = l.building_id
    ORDER BY h.id
    LIMIT 50
) page;
