/**
 * How the schema is laid out on a Citus cluster (docs/distribution.md quotes `distributionSql()`).
 *
 * Distributed tables are sharded by `agency_id` and colocated with `dossier`: one agency's dossiers,
 * their history, hand-overs, documents, counters, notifications and audit rows live on one node, so
 * an action is a single-shard transaction. Their primary keys, unique constraints and foreign keys
 * between them all carry `agency_id` (test/distribution-ready.test.ts reads the catalogue to check
 * it), and every query of them filters by `agency_id`.
 *
 * Reference tables are copied to every node: the shared data (organisation, users, catalogue,
 * calendar), the directory that finds a dossier's agency from its id, code or survey link, and the
 * agency data that is small, written rarely and read across agencies (reform plans and tasks, the
 * PAR Index, whose appraisal ranks every agency, questionnaires, counter tablets, reform reports).
 * A reference table has no foreign key to a distributed one.
 *
 * Every table of the schema is in exactly one list, so a table added later without a decision
 * fails the test. The order is the order of the SQL: referenced tables first.
 */

/** Rows of no agency (a citizen's sign-in code, an administrator's change at province level). */
export const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

export const referenceTables = [
  'org_unit',
  'app_user',
  'user_role',
  'user_session',
  'field',
  'procedure',
  'procedure_version',
  'procedure_eform',
  'calendar_setting',
  'calendar_override',
  'calendar_revision',
  'calendar_tet_announcement',
  'dossier_sequence',
  'dossier_directory',
  'idempotency_key',
  'stored_file',
  'index766_target',
  'notification_template',
  'citizen_account',
  'citizen_session',
  'citizen_oidc_flow',
  'citizen_signin_code',
  'citizen_business',
  'reform_plan',
  'reform_target',
  'reform_target_report',
  'reform_inspection',
  'reform_task',
  'reform_task_report',
  'reform_finding',
  'par_framework',
  'par_assessment',
  'par_score',
  'par_evidence',
  'par_remediation',
  'survey_questionnaire',
  'survey_kiosk',
  'reform_report',
  'reform_report_version',
  'schema_migration',
] as const;

/** Sharded by agency_id, colocated with the first (`dossier`). */
export const distributedTables = [
  'dossier',
  'dossier_event',
  'dossier_handover',
  'dossier_document',
  'dossier_counter',
  'dossier_counted',
  'dossier_access_log',
  'audit_chain_head',
  'audit_checkpoint',
  'outbox',
  'admin_audit',
  'survey_response',
  'survey_link',
  'survey_score',
  'dossier_rating',
  'feedback_sequence',
  'feedback_case',
  'bank_account',
  'fee_request',
  'bank_statement',
  'statement_line',
  'receipt_sequence',
  'fee_payment',
  'online_draft',
  'signed_result',
  'postal_shipment',
] as const;

export type DistributedTable = (typeof distributedTables)[number];

/** The statements that distribute a migrated database on Citus, in dependency order. */
export function distributionSql(): string {
  const [first, ...rest] = distributedTables;
  return [
    // procedure and procedure_version refer to each other: the cycle is cut while they are copied.
    'ALTER TABLE procedure DROP CONSTRAINT procedure_current_version;',
    ...referenceTables.map((t) => `SELECT create_reference_table('${t}');`),
    `ALTER TABLE procedure ADD CONSTRAINT procedure_current_version FOREIGN KEY (current_version_id) REFERENCES procedure_version (id);`,
    `SELECT create_distributed_table('${first}', 'agency_id');`,
    ...rest.map((t) => `SELECT create_distributed_table('${t}', 'agency_id', colocate_with => '${first}');`),
  ].join('\n');
}
