import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import { Link } from '../shell/router.tsx'
import { EmptyState, ErrorBanner, Loading } from '../ui/feedback.tsx'
import { useFetch } from '../ui/use-fetch.ts'
import { IndicatorForm } from './indicator-form.tsx'
import { childKind, NodeForm, type NodeKind } from './node-form.tsx'
import type { PlanStructure, PlanSummary } from './plans-api.ts'
import { removeItem, type StructureIndicator, type StructureNode } from './structure-fields.tsx'
import './plans.css'

type Editing =
  | { what: 'node'; node: StructureNode | null; kind: NodeKind; parentId: string | null }
  | { what: 'indicator'; indicator: StructureIndicator | null; nodeId: string }
  | { what: 'remove'; kind: 'nodes' | 'indicators'; id: string; label: string }

/**
 * `/plans/structure`: the plan's pillars, objectives, outputs, activities and indicators, each added, edited or
 * removed by administrators and NCCT planners (others read it). One form at a time, under the tree; a removal is
 * confirmed first and the server refuses it while anything hangs on the item.
 */
export function PlanStructurePage() {
  const { t } = useI18n()
  const plans = useFetch<PlanSummary[]>('/api/plans')
  const plan = plans.data?.[0]
  const s = useFetch<PlanStructure>(plan ? `/api/plans/${plan.id}/structure` : null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [error, setError] = useState<unknown>()
  const [status, setStatus] = useState<string | null>(null)
  const done = (message: string) => {
    setEditing(null)
    setError(undefined)
    setStatus(message)
    s.reload()
  }
  const start = (e: Editing) => {
    setStatus(null)
    setError(undefined)
    setEditing(e)
  }
  const confirmRemoval = async (e: Extract<Editing, { what: 'remove' }>) => {
    try {
      await removeItem(e.kind, e.id)
      done(t('plans.editor.removed', { item: e.label }))
    } catch (err) {
      setError(err)
    }
  }
  if (plans.error || s.error) return <ErrorBanner error={plans.error ?? s.error} />
  if (plans.data && !plan) return <EmptyState title={t('plans.noPlans')} />
  const d = s.data
  if (!d) return <Loading />
  const edit = d.mayEdit
  // While the tree reloads after a change, its buttons wait: a form opened now would show the old values.
  const busy = s.loading
  const name = (n: StructureNode) => `${t(`plans.kinds.${n.kind}`)} ${n.code}`
  const branch = (parent: string | null) => {
    const children = d.nodes.filter((n) => n.parentId === parent)
    if (!children.length) return null
    return (
      <ul className="plan-tree">
        {children.map((n) => {
          const child = childKind(n.kind)
          return (
            <li key={n.id}>
              <span className="plan-node">
                <small>{t(`plans.kinds.${n.kind}`)}</small> {n.code} <span lang="en">{n.titleEn}</span> ·{' '}
                <span lang="km">{n.titleKm}</span>
              </span>
              {edit && (
                <span className="plan-actions">
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    aria-label={t('plans.editor.editItem', { item: name(n) })}
                    onClick={() => start({ what: 'node', node: n, kind: n.kind, parentId: n.parentId })}
                  >
                    {t('plans.editor.edit')}
                  </button>
                  {child && (
                    <button
                      type="button"
                      className="link-button"
                      disabled={busy}
                      aria-label={t('plans.editor.addUnder', {
                        kind: t(`plans.kinds.${child}`),
                        item: name(n),
                      })}
                      onClick={() => start({ what: 'node', node: null, kind: child, parentId: n.id })}
                    >
                      {t('plans.editor.addItem', { kind: t(`plans.kinds.${child}`) })}
                    </button>
                  )}
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    aria-label={t('plans.editor.addIndicatorTo', { item: name(n) })}
                    onClick={() => start({ what: 'indicator', indicator: null, nodeId: n.id })}
                  >
                    {t('plans.editor.addIndicator')}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    aria-label={t('plans.editor.removeItem', { item: name(n) })}
                    onClick={() => start({ what: 'remove', kind: 'nodes', id: n.id, label: name(n) })}
                  >
                    {t('plans.editor.remove')}
                  </button>
                </span>
              )}
              <ul className="plan-tree plan-indicator-list">
                {d.indicators
                  .filter((i) => i.nodeId === n.id)
                  .map((i) => (
                    <li key={i.id}>
                      <small>{t('plans.dashboard.indicator')}</small> {i.code}{' '}
                      <span lang="en">{i.nameEn}</span> · <span lang="km">{i.nameKm}</span>
                      {edit && (
                        <span className="plan-actions">
                          <button
                            type="button"
                            className="link-button"
                            disabled={busy}
                            aria-label={t('plans.editor.editItem', { item: i.code })}
                            onClick={() => start({ what: 'indicator', indicator: i, nodeId: n.id })}
                          >
                            {t('plans.editor.edit')}
                          </button>
                          <button
                            type="button"
                            className="link-button"
                            disabled={busy}
                            aria-label={t('plans.editor.removeItem', { item: i.code })}
                            onClick={() =>
                              start({ what: 'remove', kind: 'indicators', id: i.id, label: i.code })
                            }
                          >
                            {t('plans.editor.remove')}
                          </button>
                        </span>
                      )}
                    </li>
                  ))}
              </ul>
              {branch(n.id)}
            </li>
          )
        })}
      </ul>
    )
  }
  return (
    <div className="plans">
      <div className="page-head">
        <h1>{t('plans.editor.title')}</h1>
        <Link to="/plans">{t('plans.editor.back')}</Link>
      </div>
      <section className="card" aria-labelledby="plan-structure-tree">
        <h2 id="plan-structure-tree">{d.plan.code}</h2>
        {!edit && <p className="hint">{t('plans.editor.readOnly')}</p>}
        {edit && (
          <button
            type="button"
            onClick={() => start({ what: 'node', node: null, kind: 'pillar', parentId: null })}
          >
            {t('plans.editor.addItem', { kind: t('plans.kinds.pillar') })}
          </button>
        )}
        {branch(null)}
      </section>
      {status && (
        <p className="banner banner-success" role="status">
          {status}
        </p>
      )}
      {editing?.what === 'remove' && (
        <RemoveConfirm
          key={editing.id}
          label={editing.label}
          error={error}
          onConfirm={() => confirmRemoval(editing)}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.what === 'node' && (
        <NodeForm
          key={editing.node?.id ?? `new-${editing.parentId}`}
          structure={d}
          node={editing.node}
          kind={editing.kind}
          parentId={editing.parentId}
          onDone={() => done(t('plans.editor.saved'))}
          onCancel={() => setEditing(null)}
        />
      )}
      {editing?.what === 'indicator' && (
        <IndicatorForm
          key={editing.indicator?.id ?? `new-${editing.nodeId}`}
          structure={d}
          indicator={
            editing.indicator &&
            (d.indicators.find((i) => i.id === editing.indicator?.id) ?? editing.indicator)
          }
          nodeId={editing.nodeId}
          onDone={() => done(t('plans.editor.saved'))}
          onCancel={() => setEditing(null)}
          onTargets={s.reload}
        />
      )}
    </div>
  )
}

/** The removal asked once more, the cursor on the confirming button so Enter removes and Tab reaches Cancel. */
function RemoveConfirm(p: { label: string; error: unknown; onConfirm(): void; onCancel(): void }) {
  const { t } = useI18n()
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => button.current?.focus(), [])
  return (
    <section className="card" aria-labelledby="plan-remove-title">
      <h3 id="plan-remove-title">{t('plans.editor.removeItem', { item: p.label })}</h3>
      <p>{t('plans.editor.removeNote')}</p>
      <ErrorBanner error={p.error} withFields />
      <div className="actions">
        <button type="button" className="danger" ref={button} onClick={p.onConfirm}>
          {t('plans.editor.confirmRemove')}
        </button>
        <button type="button" onClick={p.onCancel}>
          {t('web.common.cancel')}
        </button>
      </div>
    </section>
  )
}
