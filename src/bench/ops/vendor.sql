SELECT json_build_object('nics', json_build_object('nodes', coalesce(json_agg(json_build_object('mac', page.mac,
    'ip', page.ip, 'host', CASE WHEN page.hostname IS NULL THEN NULL
        ELSE json_build_object('hostname', page.hostname) END) ORDER BY page.id), '[]')))
FROM (
    SELECT n.id, n.mac, n.ip, h.hostname
    FROM nic n LEFT JOIN host h ON h.id = n.host_id
    -- dashes, not colons, which pgbench would read as the start of a variable
    WHERE n.mac >= '@OUI_DASHED@-00-00-00' AND n.mac <= '@OUI_DASHED@-ff-ff-ff'
    ORDER BY n.id
    LIMIT 100
) page;
