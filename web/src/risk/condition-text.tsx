import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n.tsx'
import type { Condition, FieldInfo } from './types.ts'

/** What the readable form needs to name things: each field's value domain, top-level and inside lists. */
export interface FieldDomains {
  top: Map<string, FieldInfo>
  items: Record<string, Map<string, FieldInfo>>
}

export function fieldDomains(
  catalogue: { fields: FieldInfo[]; items: Record<string, FieldInfo[]> } | undefined,
) {
  return {
    top: new Map((catalogue?.fields ?? []).map((f) => [f.path, f])),
    items: Object.fromEntries(
      Object.entries(catalogue?.items ?? {}).map(([k, fs]) => [k, new Map(fs.map((f) => [f.path, f]))]),
    ),
  }
}

interface Scope {
  fields: Map<string, FieldInfo>
  /** The list item kind when inside a `count … where`, for field labels (`risk.fields.companion.*`). */
  item: string | null
}

/**
 * A rule condition in words, as a nested list, for reviewers who should not have to read JSON. Field and value
 * names come from the same message catalogue as the evaluation screens.
 */
export function ConditionText({ condition, domains }: { condition: Condition; domains: FieldDomains }) {
  return (
    <ul className="condition">
      <Node c={condition} scope={{ fields: domains.top, item: null }} domains={domains} />
    </ul>
  )
}

function Node({ c, scope, domains }: { c: Condition; scope: Scope; domains: FieldDomains }) {
  const { t, formatNumber } = useI18n()
  // Numbers in the reader's digits (Khmer digits in Khmer), like every other figure.
  const plain = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v))
  const field = (path: unknown) => t(scope.item ? `risk.fields.${scope.item}.${path}` : `risk.fields.${path}`)
  const value = (path: unknown, v: unknown) => {
    const domain = scope.fields.get(String(path))?.domain
    if (typeof v === 'boolean') return t(v ? 'risk-web.common.yes' : 'risk-web.common.no')
    return domain ? t(`risk.values.${domain}.${v}`) : plain(v)
  }
  const group = (key: string, parts: Condition[]) => (
    <li>
      {t(`risk-web.condition.${key}`)}
      <ul>
        {parts.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a condition have no identity but their place
          <Node key={i} c={p} scope={scope} domains={domains} />
        ))}
      </ul>
    </li>
  )
  if (Array.isArray(c.all)) return group('all', c.all as Condition[])
  if (Array.isArray(c.any)) return group('any', c.any as Condition[])
  if (c.not && typeof c.not === 'object') return group('not', [c.not as Condition])
  if (typeof c.indicator === 'string')
    return <li>{t('risk-web.condition.indicator', { id: c.indicator })}</li>
  if (typeof c.count === 'string') {
    const info = domains.top.get(c.count)
    const inner: Scope = { fields: domains.items[info?.item ?? ''] ?? new Map(), item: info?.item ?? null }
    return (
      <li>
        {t('risk-web.condition.count', { list: t(`risk.fields.${c.count}`) })} {t(`risk-web.ops.${c.op}`)}{' '}
        <strong>{plain(c.value)}</strong>
        {c.where ? (
          <>
            {' '}
            {t('risk-web.condition.where')}
            <ul>
              <Node c={c.where as Condition} scope={inner} domains={domains} />
            </ul>
          </>
        ) : null}
      </li>
    )
  }
  const op = String(c.op)
  let rhs: ReactNode = null
  if ('ref' in c) rhs = <em>{field(c.ref)}</em>
  else if (op === 'between') rhs = t('risk-web.condition.range', { min: c.min, max: c.max })
  else if (op === 'inList' || op === 'notInList') rhs = <code>{String(c.list)}</code>
  else if (Array.isArray(c.values)) rhs = c.values.map((v) => value(c.field, v)).join(', ')
  else if ('value' in c) rhs = value(c.field, c.value)
  return (
    <li>
      <em>{field(c.field)}</em> {t(`risk-web.ops.${op}`)} {rhs !== null && <strong>{rhs}</strong>}
    </li>
  )
}
