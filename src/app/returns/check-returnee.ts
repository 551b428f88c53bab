import { checkReturnee, type Returnee, type ReturneeInput } from '../../domain/returns/index.ts'
import type { Tx } from '../../platform/db/database.ts'
import { AppError } from '../../platform/errors/codes.ts'
import { provinceCodes } from './returns.repository.ts'

/** The domain's check against the provinces in the database; a refusal names each field with its message key. */
export async function checkedReturnee(
  trx: Tx,
  input: ReturneeInput,
  today: string,
): Promise<{ returnee: Returnee; referralProposed: boolean }> {
  const checked = checkReturnee(input, { today, provinces: await provinceCodes(trx) })
  if (!checked.ok)
    throw new AppError(
      'validation_failed',
      {},
      checked.issues.map((i) => ({
        path: `body.${i.field}`,
        code: `returns.errors.${i.code}`,
        params: i.params ?? {},
      })),
    )
  return checked
}
