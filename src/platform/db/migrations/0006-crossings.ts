import { type Kysely, sql } from 'kysely'

/**
 * Crossings: one row per movement an officer decided at a counter, its companions (linked travellers with their
 * relation), and the refusal reasons administrators keep. Admitted movements of a traveller form a chain
 * (`previous_admitted_id`): two officers recording the same movement would both follow the same link, and the
 * unique indexes refuse the second even if the application's row lock were ever bypassed.
 */
const STATEMENTS = [
  `CREATE TABLE refusal_reasons (
    code text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,40}$'),
    name_en text NOT NULL,
    name_km text NOT NULL,
    position integer NOT NULL,
    active boolean NOT NULL DEFAULT true)`,
  `CREATE TABLE crossings (
    id uuid PRIMARY KEY,
    traveller_id uuid NOT NULL REFERENCES travellers(id),
    document_id uuid NOT NULL REFERENCES travel_documents(id),
    post_code text NOT NULL REFERENCES points_of_entry(code),
    counter text NOT NULL,
    officer_id uuid NOT NULL REFERENCES users(id),
    agency_code text NOT NULL REFERENCES agencies(code),
    crossed_at timestamptz NOT NULL,
    crossed_on text NOT NULL CHECK (crossed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    direction text NOT NULL CHECK (direction IN ('entry', 'exit')),
    purpose text,
    permit_type text,
    permit_number text,
    permit_valid_from text,
    permit_valid_until text,
    permitted_stay_days integer CHECK (permitted_stay_days BETWEEN 0 AND 3650),
    transport text CHECK (transport IN ('air', 'land', 'sea', 'river')),
    vehicle_plate text,
    flight_number text,
    vessel_name text,
    decision text NOT NULL CHECK (decision IN ('admit', 'refer_secondary', 'refuse')),
    refusal_reason text REFERENCES refusal_reasons(code),
    risk_evaluation_id uuid REFERENCES risk_evaluations(id),
    screening_request_id uuid REFERENCES screening_requests(id),
    matched_entry_id uuid REFERENCES crossings(id),
    stay_days integer,
    overstay_days integer,
    flags jsonb NOT NULL,
    previous_admitted_id uuid REFERENCES crossings(id),
    CHECK ((decision = 'refuse') = (refusal_reason IS NOT NULL)))`,
  `CREATE UNIQUE INDEX crossings_admitted_chain_idx ON crossings (previous_admitted_id)
    WHERE decision = 'admit' AND previous_admitted_id IS NOT NULL`,
  `CREATE UNIQUE INDEX crossings_first_admitted_idx ON crossings (traveller_id)
    WHERE decision = 'admit' AND previous_admitted_id IS NULL`,
  `CREATE INDEX crossings_traveller_idx ON crossings (traveller_id, crossed_at)`,
  // The post board and statistics read a post's day.
  `CREATE INDEX crossings_post_day_idx ON crossings (post_code, crossed_on)`,
  `CREATE TABLE crossing_companions (
    crossing_id uuid NOT NULL REFERENCES crossings(id),
    traveller_id uuid NOT NULL REFERENCES travellers(id),
    relation text NOT NULL,
    PRIMARY KEY (crossing_id, traveller_id))`,
  `CREATE INDEX crossing_companions_traveller_idx ON crossing_companions (traveller_id)`,
  `INSERT INTO refusal_reasons (code, name_en, name_km, position) VALUES
    ('no_valid_document', 'No valid travel document', 'គ្មានឯកសារធ្វើដំណើរមានសុពលភាព', 1),
    ('false_document', 'False, counterfeit or altered document', 'ឯកសារក្លែងក្លាយ ឬកែប្រែ', 2),
    ('no_valid_visa', 'No valid visa or residence permit', 'គ្មានទិដ្ឋាការ ឬលិខិតអនុញ្ញាតស្នាក់នៅមានសុពលភាព', 3),
    ('purpose_not_justified', 'Purpose and conditions of stay not justified', 'គោលបំណង និងលក្ខខណ្ឌស្នាក់នៅមិនសមហេតុផល', 4),
    ('insufficient_means', 'Insufficient means of subsistence', 'មធ្យោបាយចិញ្ចឹមជីវិតមិនគ្រប់គ្រាន់', 5),
    ('entry_ban', 'Subject of an entry ban', 'ស្ថិតក្រោមការហាមឃាត់ចូល', 6),
    ('public_order_threat', 'Threat to public order or national security', 'ការគំរាមកំហែងដល់សណ្តាប់ធ្នាប់សាធារណៈ ឬសន្តិសុខជាតិ', 7),
    ('exit_prohibited', 'Exit prohibited by a court or authority order', 'ការចេញត្រូវបានហាមឃាត់ដោយដីកាតុលាការ ឬអាជ្ញាធរ', 8),
    ('child_without_consent', 'Minor without the consent of a parent or guardian', 'អនីតិជនគ្មានការយល់ព្រមពីឪពុកម្តាយ ឬអាណាព្យាបាល', 9)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['crossing_companions', 'crossings', 'refusal_reasons'])
    await db.schema.dropTable(t).ifExists().execute()
}
