import type { Difficulty } from './exercise.ts'

/**
 * The counter's pace: how long a trainee has for one document. A beginner's set leaves time to look everything
 * up; a hard set runs at the pace of a busy counter, where an officer has about a minute per traveller. A set a
 * trainer composes by hand (no difficulty) takes the middle pace unless the trainer sets one.
 */
export const SECONDS_PER_DOCUMENT: Readonly<Record<Difficulty, number>> = { easy: 120, medium: 90, hard: 60 }
export const COMPOSED_SECONDS_PER_DOCUMENT = 90
export const MIN_SECONDS_PER_DOCUMENT = 15
export const MAX_SECONDS_PER_DOCUMENT = 900

export function defaultSecondsPerDocument(difficulty: Difficulty | null): number {
  return difficulty ? SECONDS_PER_DOCUMENT[difficulty] : COMPOSED_SECONDS_PER_DOCUMENT
}

/** Whole seconds from opening a document to answering it, both read on the server's clock. */
export function secondsSpent(openedAt: Date, answeredAt: Date): number {
  return Math.max(0, Math.round((answeredAt.getTime() - openedAt.getTime()) / 1000))
}

/** A document answered after its time is late; one never answered (set submitted, or never opened) is too. */
export function isLate(seconds: number | null, limitSeconds: number): boolean {
  return seconds === null || seconds > limitSeconds
}
