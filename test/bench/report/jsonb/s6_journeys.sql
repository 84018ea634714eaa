SELECT CASE WHEN GROUPING(doc->>'nationality') = 1 THEN 'all' ELSE doc->>'nationality' END AS nationality,
       count(*) AS through_darien,
       count(*) FILTER (WHERE doc @> '{"places": ["MX-CHP"]}') AS reached_chiapas,
       count(*) FILTER (WHERE doc->'places' ?| '{MX TIJ,US}') AS reached_north,
       count(*) FILTER (WHERE EXISTS (SELECT FROM generate_series(1, jsonb_array_length(doc->'legs') - 1) k
                                      WHERE doc->'legs'->k->>'from' <> doc->'legs'->(k - 1)->>'to')) AS with_gaps
FROM journeys
WHERE doc @> '{"places": ["PA-5"]}'
GROUP BY ROLLUP (doc->>'nationality')
ORDER BY count(*) DESC, 1
LIMIT 7;

SELECT count(*) FILTER (WHERE j.doc->>'nationality' = 'HTI') AS haitians_jan_jul,
       count(*) FILTER (WHERE j.doc->>'nationality' = 'CUB') AS cubans_jan_jul
FROM journeys j, jsonb_array_elements(j.doc->'legs') l
WHERE j.doc @> '{"legs": [{"to": "PA-5"}]}'
  AND l->>'to' = 'PA-5' AND (l->>'arrived')::date BETWEEN '2021-01-01' AND '2021-07-31';
