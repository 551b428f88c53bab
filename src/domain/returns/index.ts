export * from './birth.ts'
export * from './phone.ts'
export * from './return-list.ts'
export * from './returnee.ts'
