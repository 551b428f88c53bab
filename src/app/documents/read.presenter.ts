import type { MrzCorrection, MrzIssue, MrzSpan } from '../../domain/documents/index.ts'
import { type Locale, translate } from '../../platform/i18n/catalog.ts'
import { presentDocument } from './document.presenter.ts'
import type { ReadOutcome } from './read-document.ts'

/** An engine issue with its message in the user's language; the position says what to highlight. */
function presentIssue(i: MrzIssue, locale: Locale) {
  return {
    code: i.code,
    field: i.field,
    message: translate(locale, i.code, i.params),
    line: i.line,
    start: i.start,
    end: i.end,
  }
}

function presentCorrection(c: MrzCorrection, locale: Locale) {
  return {
    lines: c.lines,
    changes: c.changes.map((ch) => ({
      line: ch.line,
      index: ch.index,
      from: ch.from,
      to: ch.to,
      field: ch.field,
      reason: ch.reason,
      message: translate(locale, `documents.correction.reason.${ch.reason}`, { from: ch.from, to: ch.to }),
    })),
    fields: c.result.fields,
  }
}

export function presentRead(o: ReadOutcome, locale: Locale) {
  const r = o.result
  return {
    onDate: o.onDate,
    format: r.format,
    valid: r.valid,
    lines: r.lines,
    fields: r.fields,
    checks: { ...r.checks } as Record<string, boolean | string | null>,
    spans: r.spans as Record<string, MrzSpan[]>,
    errors: r.errors.map((i) => presentIssue(i, locale)),
    warnings: r.warnings.map((i) => presentIssue(i, locale)),
    facts: o.facts,
    corrections: o.corrections.map((c) => presentCorrection(c, locale)),
    document: o.stored ? { ...presentDocument(o.stored.row), created: o.stored.created } : null,
    templateId: o.templateId,
  }
}
