SELECT json_build_object('hosts', json_build_object('nodes', coalesce(json_agg(page ORDER BY page.id), '[]')))
FROM (
    SELECT h.id, h.hostname,
           json_build_object('nodes', (SELECT coalesce(json_agg(json_build_object('mac', n.mac, 'ip', n.ip)
               ORDER BY n.id), '[]') FROM nic n WHERE n.host_id = h.id)) AS nics
    FROM host h
    JOIN rack r ON r.id = h.rack_id
    JOIN lab l ON l.id = r.lab_id
    WHERE h.status = 'ACTIVE' AND l.name = '@LAB@'
    ORDER BY h.id
    LIMIT 50
) page;
