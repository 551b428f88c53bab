import { useState } from 'react'
import { api, newIdempotencyKey } from '../api/client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import {
  COMPOSED_SECONDS_PER_DOCUMENT,
  DEFECT_CODES,
  type DefectCode,
  MAX_DEFECTS_PER_ITEM,
  MAX_ITEMS,
  MAX_SECONDS_PER_DOCUMENT,
  MIN_SECONDS_PER_DOCUMENT,
  SECONDS_PER_DOCUMENT,
} from './types.ts'

const KINDS = ['TD3', 'TD1', 'VISA'] as const
type Kind = (typeof KINDS)[number]

/** The pace field: empty takes the difficulty's default, which the hint spells out. */
function PaceField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n()
  return (
    <label>
      {t('training.web.pace')}
      <input
        type="number"
        min={MIN_SECONDS_PER_DOCUMENT}
        max={MAX_SECONDS_PER_DOCUMENT}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <small className="muted">
        {t('training.web.pace_default', { ...SECONDS_PER_DOCUMENT, composed: COMPOSED_SECONDS_PER_DOCUMENT })}
      </small>
    </label>
  )
}

const pace = (v: string) => (v.trim() === '' ? {} : { secondsPerDocument: Number(v) })

/**
 * A trainer's two ways to a set: Passage draws one by difficulty, or the trainer composes it document by document
 * (kind and defects). The server checks the composition (defects that cannot sit together, limits) and answers
 * with translated errors; `act` shows them.
 */
export function ComposeForms({ act }: { act: (fn: () => Promise<unknown>, done?: string) => Promise<void> }) {
  const { t } = useI18n()
  const [draw, setDraw] = useState({
    title: '',
    difficulty: 'easy',
    size: '5',
    pace: '',
    key: newIdempotencyKey(),
  })
  const blank = () => ({ title: '', pace: '', items: [{ kind: 'TD3' as Kind, defects: [] as DefectCode[] }] })
  const [set, setSet] = useState(blank)
  const [setKey, setSetKey] = useState(newIdempotencyKey)
  const item = (i: number, change: Partial<{ kind: Kind; defects: DefectCode[] }>) =>
    setSet((s) => ({ ...s, items: s.items.map((x, j) => (j === i ? { ...x, ...change } : x)) }))

  return (
    <>
      <section className="card">
        <h2>{t('training.web.draw_title')}</h2>
        <form
          className="form-grid"
          onSubmit={(ev) => {
            ev.preventDefault()
            void act(async () => {
              await api('POST', '/api/training/exercises', {
                body: {
                  title: draw.title,
                  difficulty: draw.difficulty,
                  size: Number(draw.size),
                  ...pace(draw.pace),
                },
                idempotencyKey: draw.key,
              })
              setDraw((d) => ({ ...d, title: '', key: newIdempotencyKey() }))
            }, t('training.web.set_ready'))
          }}
        >
          <label>
            {t('training.web.exercise_title')}
            <input value={draw.title} onChange={(e) => setDraw({ ...draw, title: e.target.value })} />
          </label>
          <label>
            {t('training.web.difficulty_label')}
            <select
              value={draw.difficulty}
              onChange={(e) => setDraw({ ...draw, difficulty: e.target.value })}
            >
              {(['easy', 'medium', 'hard'] as const).map((d) => (
                <option key={d} value={d}>
                  {t(`training.difficulty.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('training.web.count')}
            <input
              type="number"
              min={1}
              max={MAX_ITEMS}
              value={draw.size}
              onChange={(e) => setDraw({ ...draw, size: e.target.value })}
            />
          </label>
          <PaceField value={draw.pace} onChange={(v) => setDraw({ ...draw, pace: v })} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('training.web.draw')}
            </button>
          </div>
        </form>
      </section>
      <section className="card">
        <h2>{t('training.web.compose_title')}</h2>
        <form
          onSubmit={(ev) => {
            ev.preventDefault()
            void act(async () => {
              await api('POST', '/api/training/exercises', {
                body: { title: set.title, items: set.items, ...pace(set.pace) },
                idempotencyKey: setKey,
              })
              setSet(blank())
              setSetKey(newIdempotencyKey())
            }, t('training.web.set_ready'))
          }}
        >
          <div className="form-grid">
            <label>
              {t('training.web.exercise_title')}
              <input value={set.title} onChange={(e) => setSet({ ...set, title: e.target.value })} />
            </label>
            <PaceField value={set.pace} onChange={(v) => setSet({ ...set, pace: v })} />
          </div>
          {set.items.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: documents are edited in place, by position
            <div className="compose-item" key={i} data-testid="compose-item">
              <label>
                {t('training.web.document_kind', { n: i + 1 })}{' '}
                <select value={x.kind} onChange={(e) => item(i, { kind: e.target.value as Kind })}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`training.kind.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <fieldset>
                <legend>{t('training.web.defects_of', { n: i + 1 })}</legend>
                {DEFECT_CODES.map((d) => (
                  <label key={d} className="checkbox">
                    <input
                      type="checkbox"
                      checked={x.defects.includes(d)}
                      disabled={!x.defects.includes(d) && x.defects.length >= MAX_DEFECTS_PER_ITEM}
                      onChange={() =>
                        item(i, {
                          defects: x.defects.includes(d)
                            ? x.defects.filter((y) => y !== d)
                            : [...x.defects, d],
                        })
                      }
                    />{' '}
                    {t(`training.defect.${d}.name`)}
                  </label>
                ))}
              </fieldset>
              {set.items.length > 1 && (
                <button
                  type="button"
                  onClick={() => setSet({ ...set, items: set.items.filter((_, j) => j !== i) })}
                >
                  {t('training.web.remove_document', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          <div className="actions">
            <button
              type="button"
              disabled={set.items.length >= MAX_ITEMS}
              onClick={() => setSet({ ...set, items: [...set.items, { kind: 'TD3', defects: [] }] })}
            >
              {t('training.web.add_document')}
            </button>
            <button type="submit" className="primary">
              {t('training.web.create_set')}
            </button>
          </div>
        </form>
      </section>
    </>
  )
}
