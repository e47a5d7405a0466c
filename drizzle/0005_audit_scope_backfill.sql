-- Data, not schema (issue 8, the audit log leaks): gives the audit rows written before 0004 the
-- plan or the province they belong to, from their entity and entity id, so a coordinator keeps
-- reading its plan's history. Only plan_id / province change: they are outside the hash
-- (src/db/audit.ts), so every row still verifies. A row it cannot place stays global
-- (administrators only). Idempotent: only rows with neither column set are touched.
UPDATE "audit_log" a SET "plan_id" = p."id" FROM "plans" p
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" IN ('plan', 'indicator_values')
  AND a."entity_id" = p."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "plan_id" = rp."plan_id"
FROM "expected_reports" er JOIN "reporting_periods" rp ON rp."id" = er."period_id"
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" IN ('report', 'expected_report')
  AND a."entity_id" = er."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "plan_id" = rp."plan_id" FROM "reporting_periods" rp
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'reporting_period'
  AND a."entity_id" = rp."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "plan_id" = t."plan_id"
FROM "measures" m JOIN "targets" t ON t."id" = m."target_id"
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'measure'
  AND a."entity_id" = m."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "plan_id" = rp."plan_id"
FROM "indicator_values" iv
  JOIN "reports" r ON r."id" = iv."report_id"
  JOIN "expected_reports" er ON er."id" = r."expected_report_id"
  JOIN "reporting_periods" rp ON rp."id" = er."period_id"
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'indicator_value'
  AND a."entity_id" = iv."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "province" = (
  SELECT nullif(min(p."province"), '') FROM "indicator_values" iv
    JOIN "measure_indicators" mi ON mi."indicator_id" = iv."indicator_id"
    JOIN "measures" m ON m."id" = mi."measure_id"
    JOIN "targets" t ON t."id" = m."target_id"
    JOIN "plans" p ON p."id" = t."plan_id"
  WHERE iv."id"::text = a."entity_id"
  HAVING count(DISTINCT p."province") = 1
)
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'indicator_value';
--> statement-breakpoint
UPDATE "audit_log" a SET "province" = ag."province"
FROM "indicator_values" iv
  JOIN "indicators" i ON i."id" = iv."indicator_id"
  JOIN "agencies" ag ON ag."id" = i."supplier_agency_id"
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'indicator_value'
  AND a."entity_id" = iv."id"::text AND ag."province" <> '';
--> statement-breakpoint
UPDATE "audit_log" a SET "province" = z."province" FROM "zones" z
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'zone' AND a."entity_id" = z."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "province" = z."province"
FROM "zone_events" e JOIN "zones" z ON z."id" = e."zone_id"
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'zone_event' AND a."entity_id" = e."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "province" = z."province"
FROM "land_leases" l JOIN "zones" z ON z."id" = l."zone_id"
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'land_lease' AND a."entity_id" = l."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "province" = pr."province" FROM "projects" pr
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'project' AND a."entity_id" = pr."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "province" = pr."province"
FROM "project_milestones" pm JOIN "projects" pr ON pr."id" = pm."project_id"
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'project_milestone'
  AND a."entity_id" = pm."id"::text;
--> statement-breakpoint
UPDATE "audit_log" a SET "province" = ag."province" FROM "agencies" ag
WHERE a."plan_id" IS NULL AND a."province" IS NULL AND a."entity" = 'agency' AND a."entity_id" = ag."id"::text
  AND ag."province" <> '';
--> statement-breakpoint
UPDATE "audit_log" SET "province" = "entity_id"
WHERE "plan_id" IS NULL AND "province" IS NULL AND "entity" = 'agency_registry' AND "entity_id" <> '';
