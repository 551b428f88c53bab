import { ApiError, api } from '../api/client.ts'

export type {
  IndicatorProgress,
  NodeProgress,
  PeriodFigure,
  PlanDashboard,
  PlanSummary,
  Progress,
  ReportView,
} from '../../../src/app/plans/plans.contract.ts'

export const EVIDENCE_ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp'

/** Attaches an evidence file: the raw file as the body; the server checks the bytes are what the type says. */
export async function uploadEvidence(reportId: string, file: File, csrf: string | undefined): Promise<void> {
  let res: Response
  try {
    res = await fetch(`/api/plans/reports/${reportId}/evidence?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': file.type || 'application/octet-stream',
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: file,
    })
  } catch {
    throw new ApiError(0, 'network', '')
  }
  if (res.ok) return
  const e = (await res.json().catch(() => null))?.error ?? { code: 'internal_error', message: res.statusText }
  throw new ApiError(res.status, e.code, e.message, e.details ?? [])
}

export const saveReport = (indicatorId: string, body: { period: string; value: number; note: string }) =>
  api<{ id: string }>('POST', `/api/plans/indicators/${indicatorId}/reports`, { body })

export const moveReport = (reportId: string, event: 'submit' | 'approve' | 'return', comment = '') =>
  api<{ state: string }>('POST', `/api/plans/reports/${reportId}/${event}`, { body: { comment } })

/** A yearly target; the server refuses a year outside the plan, a negative value, a percentage over 100. */
export const setTarget = (indicatorId: string, year: number, value: number) =>
  api<null>('PUT', `/api/plans/indicators/${indicatorId}/targets/${year}`, { body: { value } })

export type { PlanStructure } from '../../../src/app/plans/plans.contract.ts'
