-- A provider's history for scripts/bench-dashboard, in bulk SQL (psql variables :bilans and :consultants; the
-- consultants already exist, see scripts/lib/bench.sh). Bilan n (1 = oldest) is created 30 minutes after bilan n-1,
-- the newest now: 100,000 bilans span 5.7 years. By age, newest first: 1% REQUESTED, 1% PRELIMINARY,
-- 1.5% INVESTIGATION, 0.5% CONCLUSION, 2% COMPLETED, 2% FOLLOW_UP, then CLOSED (1 in 10 ABANDONED, 1 in 50
-- CANCELLED). Every started bilan has four interviews a week apart (held in the past; the last ones of a bilan in
-- progress cancelled when not past), most bilans in progress one more scheduled ahead, most CLOSED ones a follow-up interview; about ten events per bilan;
-- one funding line each, CPF ones (half) with an EDOF dossier; conventions, working-time authorisations, follow-ups
-- and a complaint every 200 bilans. Consultant c has the bilans n = c (mod :consultants): their interviews never
-- overlap (the exclusion constraints hold).

CREATE TEMP TABLE seed AS
SELECT n, r, created,
       ('00000000-0000-7000-8002-' || lpad(to_hex(n), 12, '0'))::uuid AS id,
       ('00000000-0000-7000-8003-' || lpad(to_hex(n), 12, '0'))::uuid AS beneficiary_id,
       ('00000000-0000-7000-8001-' || lpad(to_hex(1 + n % :consultants), 12, '0'))::uuid AS consultant_id,
       CASE WHEN f < 0.01 THEN 1 WHEN f < 0.02 THEN 2 WHEN f < 0.035 THEN 3 WHEN f < 0.04 THEN 4
            WHEN f < 0.06 THEN 5 WHEN f < 0.08 THEN 6
            WHEN n % 10 = 0 THEN 8 WHEN n % 50 = 1 THEN 9 ELSE 7 END::smallint AS state,
       CASE WHEN n % 2 = 0 THEN 1 WHEN n % 4 = 1 THEN 2 ELSE 3 END::smallint AS funding_source
FROM generate_series(1, :bilans) AS n,
     LATERAL (SELECT :bilans - n AS r) AS age,
     LATERAL (SELECT r::float / :bilans AS f, date_trunc('minute', now()) - r * interval '30 minutes' AS created) AS at;
ALTER TABLE seed ADD PRIMARY KEY (n);

INSERT INTO beneficiaries (id, given_name, family_name, email, public_category, version, create_time, update_time)
SELECT beneficiary_id, 'Prénom' || n, 'Nom' || n, 'beneficiaire' || n || '@example.org', 4, 1, created, created FROM seed;

-- Half the REQUESTED bilans wait for a consultant.
INSERT INTO bilans (id, beneficiary_id, state, working_time, funding_source, planned_hours, planned_start_date,
                    planned_end_date, consultant_id, version, create_time, update_time)
SELECT id, beneficiary_id, state,
       CASE WHEN funding_source = 1 THEN CASE n % 6 WHEN 0 THEN 1 WHEN 2 THEN 2 ELSE 3 END WHEN funding_source = 2 THEN 1 ELSE 3 END,
       funding_source, 24, created::date + 75, created::date + 135,
       CASE WHEN state = 1 AND n % 2 = 0 THEN NULL ELSE consultant_id END, 1, created, created
FROM seed;

-- Interviews j = 0..3 at created + (j + 1) weeks, 1 h 30 (consultant's bilans are 15 h apart: never overlapping).
-- Past ones held (7 h held in 1 bilan of 7: near the 24 h cap), others cancelled for a bilan in progress.
INSERT INTO interviews (id, bilan_id, beneficiary_id, consultant_id, phase, start_time, end_time, mode, status,
                        held_minutes, version, create_time, update_time)
SELECT gen_random_uuid(), s.id, s.beneficiary_id, s.consultant_id, least(j + 1, 3), t.start_time, t.start_time + interval '90 minutes',
       1 + j % 2, CASE WHEN t.start_time < now() - interval '1 day' THEN 2 ELSE 4 END,
       CASE WHEN t.start_time >= now() - interval '1 day' THEN NULL WHEN s.n % 7 = 0 THEN 420 ELSE 120 END,
       1, s.created, s.created
FROM seed s, generate_series(0, 3) AS j,
     LATERAL (SELECT s.created + (j + 1) * interval '7 days' AS start_time) AS t
WHERE s.state BETWEEN 2 AND 8;

-- The follow-up interview (phase 4) of 4 CLOSED bilans in 5, held 180 days and 1 h 30 after the creation: an odd
-- number of half hours away from any other interview of its consultant, so never overlapping.
INSERT INTO interviews (id, bilan_id, beneficiary_id, consultant_id, phase, start_time, end_time, mode, status,
                        held_minutes, version, create_time, update_time)
SELECT gen_random_uuid(), s.id, s.beneficiary_id, s.consultant_id, 4, t.start_time, t.start_time + interval '90 minutes',
       2, 2, 90, 1, s.created, s.created
FROM seed s, LATERAL (SELECT s.created + interval '180 days 90 minutes' AS start_time) AS t
WHERE s.state = 7 AND s.n % 5 <> 0 AND t.start_time < now() - interval '1 day';

-- The next interview of 9 bilans in progress in 10 (not n = 5 mod 10), from tomorrow, 3 h apart for each consultant.
INSERT INTO interviews (id, bilan_id, beneficiary_id, consultant_id, phase, start_time, end_time, mode, status,
                        version, create_time, update_time)
SELECT gen_random_uuid(), s.id, s.beneficiary_id, s.consultant_id, s.state - 1, t.start_time, t.start_time + interval '90 minutes',
       2, 1, 1, now() - (s.n % 20) * interval '1 day', now()
FROM seed s,
     LATERAL (SELECT date_trunc('hour', now()) + interval '1 day' + (s.r / :consultants) * interval '3 hours' AS start_time) AS t
WHERE s.state BETWEEN 2 AND 4 AND s.n % 10 <> 5;

-- Events: created, assigned, each interview scheduled (and held), the end of the bilan.
INSERT INTO bilan_events (bilan_id, type, actor, create_time, previous_state, new_state)
SELECT id, 1, 'users/bench', created, 0, 1 FROM seed;
INSERT INTO bilan_events (bilan_id, type, actor, create_time, previous_state, new_state)
SELECT id, 3, 'users/bench', created + interval '1 hour', 1, 1 FROM seed WHERE NOT (state = 1 AND n % 2 = 0);
INSERT INTO bilan_events (bilan_id, type, actor, create_time, previous_state, new_state)
SELECT i.bilan_id, 13, 'users/bench', i.create_time + interval '2 hours', s.state, s.state
FROM interviews i JOIN seed s ON s.id = i.bilan_id;
INSERT INTO bilan_events (bilan_id, type, actor, create_time, previous_state, new_state)
SELECT i.bilan_id, 16, 'users/bench', i.end_time, s.state, s.state
FROM interviews i JOIN seed s ON s.id = i.bilan_id WHERE i.status = 2;
INSERT INTO bilan_events (bilan_id, type, actor, create_time, previous_state, new_state)
SELECT id, CASE state WHEN 7 THEN 10 WHEN 8 THEN 11 WHEN 9 THEN 12 ELSE 8 END, 'users/bench',
       created + CASE state WHEN 7 THEN interval '240 days' WHEN 8 THEN interval '30 days' WHEN 9 THEN interval '3 days' ELSE interval '35 days' END,
       4, state
FROM seed WHERE state >= 5;

-- One funding line per bilan; a CPF one has its EDOF dossier. Ended dossiers have every date; a dossier in
-- progress 1 in 8 without its entry declared; a request 1 in 4 not answered; a cancelled bilan's dossier
-- answered only; 1 abandoned bilan in 100 with its exit never declared.
INSERT INTO fundings (id, bilan_id, funder_type, funder_name, amount_cents, status, requested_date, decide_date, paid_date,
                      funded_hours, edof_number, edof_receive_date, edof_state, edof_answer_date, edof_proposal_date,
                      edof_start_date, edof_end_date, edof_entry_date, edof_entry_declared_date, edof_exit_date,
                      edof_exit_declared_date, create_time, update_time)
SELECT gen_random_uuid(), s.id, CASE WHEN s.funding_source = 1 THEN 1 ELSE 2 END,
       CASE WHEN s.funding_source = 1 THEN 'Caisse des dépôts' ELSE 'Employeur' END, 150000,
       CASE WHEN s.state = 1 THEN 1 WHEN s.state >= 5 AND s.state <> 9 THEN 4 ELSE 2 END,
       d, CASE WHEN s.state > 1 THEN d + 2 END, CASE WHEN s.state >= 5 AND s.state <> 9 THEN d + 70 END, 24,
       e.number, e.receive, e.state,
       CASE WHEN e.number IS NOT NULL AND NOT (s.state = 1 AND s.n % 4 = 0) THEN d + 1 END,
       CASE WHEN e.number IS NOT NULL AND s.state <> 9 THEN d + 1 END,
       CASE WHEN e.number IS NOT NULL AND s.state <> 9 THEN d + 14 END,
       CASE WHEN e.number IS NOT NULL AND s.state <> 9 THEN d + 74 END,
       CASE WHEN e.number IS NOT NULL AND s.state BETWEEN 2 AND 8 THEN d + 14 END,
       CASE WHEN e.number IS NOT NULL AND s.state BETWEEN 2 AND 8 AND NOT (s.state <= 4 AND s.n % 8 = 0) THEN d + 15 END,
       CASE WHEN e.number IS NOT NULL AND s.state BETWEEN 5 AND 8 THEN d + 60 END,
       CASE WHEN e.number IS NOT NULL AND s.state BETWEEN 5 AND 8 AND NOT (s.state = 8 AND s.n % 100 = 0) THEN d + 61 END,
       s.created, s.created
FROM seed s,
     LATERAL (SELECT s.created::date AS d) AS day,
     LATERAL (SELECT CASE WHEN s.funding_source = 1 THEN 'BENCH' || s.n END AS number,
                     CASE WHEN s.funding_source = 1 THEN s.created::date END AS receive,
                     CASE WHEN s.funding_source <> 1 THEN NULL WHEN s.state = 1 THEN 1 WHEN s.state <= 4 THEN 5
                          WHEN s.state = 8 THEN 6 WHEN s.state = 9 THEN 9 ELSE 8 END::smallint AS state) AS e;

-- A tripartite convention for the employer-plan bilans (a quarter); 1 REQUESTED bilan in 3 not signed yet.
INSERT INTO tripartite_conventions (bilan_id, title, objective_and_content, means, duration_hours, period_start, period_end,
                                    conduct_and_follow_up, results_handover, price_euros, payment_terms, sent_date,
                                    received_date, employee_signed_date, employer_signed_date, provider_signed_date,
                                    create_time, update_time)
SELECT id, 'Bilan de compétences', 'Objectifs', 'Moyens', 24, created::date + 75, created::date + 135, 'Déroulement',
       'Remise', 1500, 'À réception', created::date + 1, created::date + 2,
       CASE WHEN state = 1 AND n % 3 = 0 THEN NULL ELSE created::date + 5 END,
       created::date + 3, created::date + 1, created, created
FROM seed WHERE funding_source = 2;

-- The employer's authorisation of CPF bilans on working time: granted, except for REQUESTED bilans (1 in 3 not
-- asked, 1 in 3 asked and not answered).
INSERT INTO working_time_authorizations (bilan_id, request_date, answer, answer_date, update_time)
SELECT s.id, s.created::date + 1, CASE WHEN s.state = 1 AND s.n % 3 = 1 THEN 0 ELSE 1 END,
       CASE WHEN s.state = 1 AND s.n % 3 = 1 THEN NULL ELSE s.created::date + 10 END, s.created
FROM seed s JOIN bilans b ON b.id = s.id
WHERE s.funding_source = 1 AND b.working_time IN (1, 2) AND NOT (s.state = 1 AND s.n % 3 = 0);

-- The follow-up proposed 3 or 6 months after completion, declined 1 in 5.
INSERT INTO follow_ups (bilan_id, completion_date, delay_months, declined_date, create_time, update_time)
SELECT id, created::date + 35, CASE WHEN n % 2 = 0 THEN 3 ELSE 6 END, CASE WHEN n % 5 = 0 THEN created::date + 40 END, created, created
FROM seed WHERE state IN (5, 6, 7);

-- A complaint every 200 bilans, answered except among the newest 3%.
INSERT INTO complaints (id, received_date, channel, complainant, bilan_id, subject, description, status,
                        acknowledge_deadline, answer_deadline, acknowledge_date, answer_date, answer, create_time, update_time)
SELECT gen_random_uuid(), d, 1, 1, id, 'Réclamation ' || n, 'Description', st,
       d + 7, d + 30, CASE WHEN st > 1 THEN d + 2 END, CASE WHEN st > 3 THEN d + 20 END,
       CASE WHEN st > 3 THEN 'Réponse' ELSE '' END, created, created
FROM seed,
     LATERAL (SELECT created::date + 10 AS d) AS day,
     LATERAL (SELECT CASE WHEN r < :bilans * 0.03 THEN 1 + (n / 200) % 3 ELSE 4 END::smallint AS st) AS status
WHERE n % 200 = 0;

VACUUM ANALYZE;
