import { useState } from 'react'
import { call } from '../api/client.ts'
import type { ApiResult } from '../api/contract.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { usePostNames } from '../posts/use-post-name.ts'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { SelectField, TextField } from '../ui/field.tsx'
import { useForm } from '../ui/form.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import './offline.css'

type Conflict = ApiResult<'/api/offline/conflicts', 'GET'>[number]
type Side = Conflict['sides']['recorded']
const SIDES = ['recorded', 'arrived'] as const
const FILTERS = ['open', 'all'] as const

/** One row of the comparison: a label, then what each record says (a dash where it says nothing). */
function Row({
  label,
  values,
  proper,
}: {
  label: string
  values: (string | null | undefined)[]
  /** Names and numbers as the records hold them, never translated. */
  proper?: boolean
}) {
  const differ = values[0] !== values[1]
  return (
    <tr className={differ ? 'conflict-differs' : undefined}>
      <th scope="row">{label}</th>
      {values.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two fixed columns, recorded then arrived
        <td key={i} translate={proper ? 'no' : undefined}>
          {v ?? '—'}
        </td>
      ))}
    </tr>
  )
}

/** The two records side by side, as the centre had one and the post sent the other. */
function Comparison({ c }: { c: Conflict }) {
  const { t, formatDateTime, formatDay } = useI18n()
  const postName = usePostNames()
  const fact = (side: (typeof SIDES)[number], key: string) => {
    const v = c.facts[side]?.[key]
    return typeof v === 'string' ? v : null
  }
  const person = (k: keyof Side) => SIDES.map((s) => c.sides[s][k])
  const when = (s: (typeof SIDES)[number]) => fact(s, 'crossedAt') ?? fact(s, 'registeredAt')
  return (
    <table className="data conflict-facts">
      <thead>
        <tr>
          <td />
          <th scope="col">{t('offline.conflicts.recorded')}</th>
          <th scope="col">{t('offline.conflicts.arrived')}</th>
        </tr>
      </thead>
      <tbody>
        <Row
          label={t('offline.conflicts.post')}
          values={SIDES.map((s) => {
            const code = fact(s, 'postCode')
            return code ? postName(code) : null
          })}
        />
        {c.kind !== 'returnee_two_posts' && (
          <Row
            label={t('offline.conflicts.direction')}
            values={SIDES.map((s) => {
              const d = fact(s, 'direction')
              return d ? t(`crossings.values.direction.${d}`) : null
            })}
          />
        )}
        <Row
          label={t('offline.conflicts.when')}
          values={SIDES.map((s) => {
            const at = when(s)
            return at ? formatDateTime(at) : null
          })}
        />
        <Row label={t('offline.conflicts.name')} values={person('name')} proper />
        <Row label={t('offline.conflicts.nameKhmer')} values={person('nameKhmer')} proper />
        <Row
          label={t('offline.conflicts.birthDate')}
          values={person('birthDate').map((d) => (d ? formatDay(d) : null))}
        />
        <Row label={t('offline.conflicts.nationality')} values={person('nationality')} />
        {c.kind !== 'returnee_two_posts' && (
          <Row label={t('offline.conflicts.document')} values={person('documentNumber')} proper />
        )}
      </tbody>
    </table>
  )
}

/** The decision: written down with its reason and audited; neither record is changed or merged by it. */
function ResolveForm({ c, onDone }: { c: Conflict; onDone(): void }) {
  const { t } = useI18n()
  const f = useForm({ resolution: '' })
  const submit = f.submit(async () => {
    await call('POST', '/api/offline/conflicts/{id}/resolve', {
      params: { id: c.id },
      body: { resolution: f.values.resolution },
    })
    onDone()
  })
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <ErrorBanner error={f.error} />
      <TextField
        label={t('offline.conflicts.resolution')}
        hint={t('offline.conflicts.resolutionHint')}
        required
        value={f.values.resolution}
        onChange={f.set('resolution')}
        error={f.fieldError('resolution')}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t('offline.conflicts.resolve')}
        </button>
      </div>
    </form>
  )
}

/**
 * The supervisor's queue of what the world made inconsistent while posts were offline: the same traveller entering
 * at two posts, an exit at one post for an entry recorded at another, a returnee registered at two posts.
 */
export function ConflictsPage() {
  const { t, formatDateTime } = useI18n()
  const postName = usePostNames()
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('open')
  const conflicts = useFetch<Conflict[]>(`/api/offline/conflicts?status=${filter}`)
  return (
    <>
      <div className="page-head">
        <h1>{t('offline.conflicts.title')}</h1>
      </div>
      <p className="muted">{t('offline.conflicts.intro')}</p>
      <div className="filters">
        <SelectField
          label={t('offline.conflicts.show')}
          value={filter}
          onChange={(e) => setFilter(e.target.value as typeof filter)}
        >
          {FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`offline.conflicts.filters.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <ErrorBanner error={conflicts.error} />
      {conflicts.loading && !conflicts.data ? (
        <Loading />
      ) : conflicts.data?.length === 0 ? (
        <EmptyState title={t('offline.conflicts.empty')} />
      ) : (
        conflicts.data?.map((c) => (
          <section key={c.id} className="card" aria-label={t(`offline.conflicts.kinds.${c.kind}`)}>
            <h2>{t(`offline.conflicts.kinds.${c.kind}`)}</h2>
            <p className="muted">
              {t('offline.conflicts.detected', {
                at: formatDateTime(c.detectedAt),
                posts: c.postCodes.map(postName).join(' · '),
              })}
            </p>
            <Comparison c={c} />
            {c.resolvedAt ? (
              <p data-testid="conflict-resolution">
                {t('offline.conflicts.resolvedBy', {
                  by: c.resolvedBy ?? '—',
                  at: formatDateTime(c.resolvedAt),
                  resolution: c.resolution ?? '',
                })}
              </p>
            ) : (
              <ResolveForm c={c} onDone={conflicts.reload} />
            )}
          </section>
        ))
      )}
    </>
  )
}
