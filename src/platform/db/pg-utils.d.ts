/** `pg`'s own parameter conversion (Date, Buffer, arrays, JSON), which framing reuses (`framed-transactions.ts`). */
declare module 'pg/lib/utils.js' {
  export function prepareValue(value: unknown): unknown
}
