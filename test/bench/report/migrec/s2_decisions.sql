SELECT nationality, (c).recognized, (c).complementary, (c).rejected, (c).otherwise_closed,
       recognition_rate(t) AS recognition_rate, total_recognition_rate(t) AS total_recognition_rate
FROM (SELECT nationality, decision_tally(first_outcome) AS t, decision_counts(first_outcome) AS c
      FROM (SELECT nationality,
                   (SELECT e.status FROM events(h) e WHERE decision_outcome(e.status) IS NOT NULL LIMIT 1) AS first_outcome
            FROM histories WHERE first_reached(h, 'claim_lodged') IS NOT NULL) cases
      GROUP BY nationality) s
ORDER BY (c).recognized + (c).complementary + (c).rejected + (c).otherwise_closed DESC, nationality
LIMIT 8;
