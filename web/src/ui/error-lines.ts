import { type RefObject, useEffect } from 'react'
import { ApiError, type ErrorDetail } from '../api/client.ts'

/**
 * The lines a refusal shows, one per field and never the same line twice: each names its field in the user's
 * language ("Issuing state: …", "Nationality: …") from the server's `field`, unless the message already does (a
 * question's wording). Two MRZ fields with the same fault were two identical lines before.
 */
export function errorLines(details: ErrorDetail[]): string[] {
  const lines = details.map((d) =>
    d.field && !d.message.includes(d.field) ? `${d.field}: ${d.message}` : d.message,
  )
  return [...new Set(lines)]
}

/**
 * When a refusal arrives, the cursor goes to the first field it marked (`aria-invalid`) in the banner's form (or
 * the page's main region), so the officer corrects it from the keyboard. Once per refusal: moving on to the next
 * field is not undone by a re-render. A refusal that marks no field leaves the focus where it is (the MRZ box at the
 * counter keeps it for the next read).
 */
export function useFocusFirstInvalid(error: unknown, banner: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!(error instanceof ApiError)) return
    const scope = banner.current?.closest('form') ?? banner.current?.closest('main') ?? document
    scope.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [error, banner])
}

/** Messages the page already shows under their fields (`.field-error`), so a banner need not repeat them. */
export function shownAtFields(banner: HTMLElement | null): Set<string> {
  const scope = banner?.closest('form') ?? banner?.closest('main') ?? document
  return new Set([...scope.querySelectorAll('.field-error')].map((e) => e.textContent ?? ''))
}
