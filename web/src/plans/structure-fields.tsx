import { type TextareaHTMLAttributes, useId } from 'react'
import { api } from '../api/client.ts'
import { toLatinDigits } from '../i18n/format.ts'
import type { PlanStructure } from './plans-api.ts'

/** A multi-line field with its refusal under it, as `TextField` does for one line (definitions, verification). */
export function TextAreaField({
  label,
  error,
  ...area
}: { label: string; error?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...area}
      />
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  )
}

/**
 * A number typed in either script; empty is null. Text that is not a number is sent as typed, so the server's
 * refusal names its field rather than the form guessing.
 */
export function numberOrText(text: string): number | string | null {
  const latin = toLatinDigits(text.trim())
  if (latin === '') return null
  return /^-?\d+(\.\d+)?$/.test(latin) ? Number(latin) : latin
}

/** `a, b , c` → `['a', 'b', 'c']`: short lists typed in one line (disaggregation, GCM objectives). */
export function listOf(text: string): string[] {
  return text
    .split(/[,،、]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

export type StructureNode = PlanStructure['nodes'][number]
export type StructureIndicator = PlanStructure['indicators'][number]

export const saveNode = (planId: string, node: StructureNode | null, body: object, idempotencyKey: string) =>
  node
    ? api<null>('PUT', `/api/plans/nodes/${node.id}`, { body })
    : api<{ id: string }>('POST', `/api/plans/${planId}/nodes`, { body, idempotencyKey })

export const saveIndicator = (
  planId: string,
  indicator: StructureIndicator | null,
  body: object,
  idempotencyKey: string,
) =>
  indicator
    ? api<null>('PUT', `/api/plans/indicators/${indicator.id}`, { body })
    : api<{ id: string }>('POST', `/api/plans/${planId}/indicators`, { body, idempotencyKey })

export const removeItem = (kind: 'nodes' | 'indicators', id: string) =>
  api<null>('DELETE', `/api/plans/${kind}/${id}`)
