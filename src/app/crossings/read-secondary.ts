import type { Executor } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import type { Locale } from '../../platform/i18n/catalog.ts'
import type { RequestActor } from '../identity/actor.ts'
import { authorize } from '../identity/authorize.ts'
import { presentEvaluation } from '../risk/evaluation.presenter.ts'
import { findEvaluation, toStored } from '../risk/evaluations.repository.ts'
import { presentHit } from '../screening/hit.presenter.ts'
import { hitDetails } from '../screening/hits.repository.ts'
import { presentCrossing } from './crossing.presenter.ts'
import { activeRefusalReasons, companionsOf, crossingsOf } from './crossings.repository.ts'
import { ruleViolation } from './record-movement.ts'
import { presentSecondary } from './secondary.presenter.ts'
import {
  examinationsOf,
  findSecondaryDetail,
  notesOf,
  openQueue,
  unlinkedExaminations,
} from './secondary.repository.ts'

/** The open referrals of the reader's post, oldest first, each with its dwell time so far. */
export async function secondaryQueue(o: { db: Executor; actor: RequestActor }) {
  authorize(o.actor, 'read', 'secondary_inspection', { postCode: o.actor.postCode })
  const postCode = o.actor.postCode
  if (!postCode) throw ruleViolation('crossings.rules.no_post')
  const now = new Date()
  return (await openQueue(o.db, postCode)).map((s) => presentSecondary(s, now))
}

/**
 * One referral as the inspection screen shows it: why the traveller was referred (the alert-list hits and the risk
 * reasons of the referring inspection), the interview so far, the traveller's record and the refusal reasons.
 */
export async function readSecondary(o: { db: Executor; actor: RequestActor; id: string; locale: Locale }) {
  const s = await findSecondaryDetail(o.db, o.id)
  if (!s) throw new AppError('not_found')
  authorize(o.actor, 'read', 'secondary_inspection', { postCode: s.post_code })
  const [notes, examinations, unlinked, hits, evaluation, history, reasons] = await Promise.all([
    notesOf(o.db, s.id),
    examinationsOf(o.db, s.id),
    unlinkedExaminations(o.db, s),
    s.screening_request_id
      ? hitDetails(o.db)
          .where('h.request_id', '=', s.screening_request_id)
          .orderBy('h.score', 'desc')
          .execute()
      : Promise.resolve([]),
    s.risk_evaluation_id ? findEvaluation(o.db, s.risk_evaluation_id) : Promise.resolve(undefined),
    crossingsOf(o.db, s.traveller_id),
    activeRefusalReasons(o.db),
  ])
  const companions = await companionsOf(
    o.db,
    history.map((c) => c.id),
  )
  return {
    ...presentSecondary(s, new Date()),
    notes: notes.map((n) => ({
      id: n.id,
      author: n.author,
      writtenAt: n.written_at.toISOString(),
      text: n.text,
    })),
    examinations: examinations.map((e) => ({
      id: e.id,
      finding: e.finding,
      notes: e.notes,
      examinedAt: e.examined_at.toISOString(),
    })),
    unlinkedExaminations: unlinked.map((e) => ({
      id: e.id,
      finding: e.finding,
      notes: e.notes,
      examinedAt: e.examined_at.toISOString(),
    })),
    hits: hits.map(presentHit),
    risk: evaluation ? presentEvaluation(toStored(evaluation), o.locale) : null,
    history: history.map((c) => presentCrossing(c, companions)).reverse(),
    refusalReasons: reasons.map((x) => ({ code: x.code, name: o.locale === 'km' ? x.name_km : x.name_en })),
  }
}
