import { cleanName, documentKey } from '../../domain/screening/index.ts'
import { storableText } from './storable.ts'

/**
 * Who a dismissed false positive is remembered for. The document is the identity when there is one; otherwise
 * the name (words folded and sorted, so order and case do not matter) with the birth date.
 */
export function travellerKey(
  person: { name: string; birthDate?: string },
  document?: { issuingState: string; number: string },
): string {
  const doc = document ? documentKey(document.issuingState, document.number) : undefined
  if (doc) return `doc:${doc}`
  const words = cleanName(person.name).toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ')
  return storableText(`name:${words.slice(0, 300)}|${(person.birthDate ?? '').slice(0, 20)}`)
}
