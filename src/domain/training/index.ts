// The training domain: specimen documents of the fictitious state UTO, injected defects, the checks that find
// them, scoring, and who sees whose training records. Pure: data in, data out.
export * from './data-page.ts'
export * from './defects.ts'
export * from './examine.ts'
export * from './exercise.ts'
export * from './pace.ts'
export * from './reach.ts'
export * from './scoring.ts'
export * from './specimen.ts'
export * from './story.ts'
