/**
 * Which tables travel which way, and with which row filter (issue 18). One writer per row: the centre writes the
 * reference data, users and alert lists; a post writes its inspections, registrations and referrals. The history a
 * post needs to judge an entry or an exit (travellers, documents, crossings at other posts) goes down to it too,
 * filtered so that no row ever returns to the node it came from — PostgreSQL 15 has no `origin = none`, and an
 * applied change is published again like a local one.
 */

/** Centre-owned, every operation, the same for every post. */
export const CENTRE_TABLES = [
  'agencies',
  'countries',
  'icao_codes',
  'provinces',
  'points_of_entry',
  'refusal_reasons',
  'users',
  'risk_rule_sets',
  'risk_alert_settings',
  'examination_templates',
  'examination_checks',
  'protection_providers',
  'watchlists',
  'watchlist_versions',
  'watchlist_persons',
  'watchlist_documents',
  'watchlist_person_documents',
  'screening_state',
  'screening_versions',
] as const

/** Written at a post, every operation (never published back to it, so no filter). */
export const POST_TABLES = [
  'returnees',
  'returnee_photos',
  'screening_requests',
  'screening_hits',
  'risk_evaluations',
  'risk_alerts',
  'secondary_inspections',
  'offline_retro_alerts',
] as const

/**
 * Written at a post, inserts only: rows the centre works on afterwards (a referral the social worker accepts), rows
 * also published down to posts (history), and the post's sealed audit partition, which is never updated.
 */
export const POST_INSERT_TABLES = [
  'crossing_companions',
  'protection_persons',
  'protection_consents',
  'protection_identifications',
  'protection_referrals',
  'protection_cases',
  'offline_audit_entries',
] as const

/** Name of a post's objects: `LAND-OSMACH` → `land_osmach`. */
export function postSlug(postCode: string): string {
  if (!/^[A-Z0-9_-]{1,32}$/.test(postCode)) throw new Error(`not a point-of-entry code: ${postCode}`)
  return postCode.toLowerCase().replace(/-/g, '_')
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`

export const CENTRE_PUBLICATION = 'passage_centre'
export const POST_SUBSCRIPTION = 'passage_national'
export const POST_SLOT = 'passage_to_national'
export const historyPublication = (post: string) => `passage_history_${postSlug(post)}`
export const postPublication = (post: string) => `passage_post_${postSlug(post)}`
export const postInsertPublication = (post: string) => `passage_post_insert_${postSlug(post)}`
/** The national server's subscription to a post (one per post), and the post's slot on the national server. */
export const nationalSubscription = (post: string) => `passage_post_${postSlug(post)}`
export const nationalSlot = (post: string) => `passage_post_${postSlug(post)}`

/** On the national server: what every post receives, then what one post receives of the others' history. */
export function nationalPublications(post: string): string[] {
  const p = literal(post)
  return [
    `CREATE PUBLICATION ${CENTRE_PUBLICATION} FOR TABLE ${CENTRE_TABLES.join(', ')},
      offline_heartbeats WHERE (node = 'national')`,
    `CREATE PUBLICATION ${historyPublication(post)} FOR TABLE
      travellers WHERE (coalesce(origin_post, '') <> ${p}),
      travel_documents WHERE (coalesce(first_seen_post, '') <> ${p}),
      crossings WHERE (post_code <> ${p})
      WITH (publish = 'insert')`,
  ]
}

/** On a post: its own rows, to the national server. */
export function postPublications(post: string): string[] {
  const p = literal(post)
  return [
    `CREATE PUBLICATION ${postPublication(post)} FOR TABLE ${POST_TABLES.join(', ')},
      offline_heartbeats WHERE (node = ${literal(`post:${post}`)})`,
    `CREATE PUBLICATION ${postInsertPublication(post)} FOR TABLE ${POST_INSERT_TABLES.join(', ')},
      travellers WHERE (origin_post = ${p}),
      travel_documents WHERE (first_seen_post = ${p}),
      crossings WHERE (post_code = ${p})
      WITH (publish = 'insert')`,
  ]
}

/**
 * `disable_on_error` stays off: measured on PostgreSQL 15, it disables the subscription on a dropped connection too
 * ("could not receive data from WAL stream" → "subscription … has been disabled because of an error"), so every cut
 * of a post's link would need an operator. Without it a conflict makes the apply worker retry the same transaction
 * (every `wal_retrieve_retry_interval`), which `passage post status` reports from `pg_stat_subscription_stats`.
 */
export function subscriptionSql(o: {
  name: string
  conninfo: string
  publications: string[]
  slot: string
}): string {
  return `CREATE SUBSCRIPTION ${o.name} CONNECTION ${literal(o.conninfo)} PUBLICATION ${o.publications.join(', ')}
    WITH (slot_name = ${o.slot}, disable_on_error = false, copy_data = true)`
}
