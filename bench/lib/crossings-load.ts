/**
 * The officer's primary-inspection flow driven over HTTP by autocannon: each connection inspects a new passport
 * (`POST /api/crossings/inspect`), then records the decision under an idempotency key (`POST /api/crossings`), as
 * the counter screen does. Travellers are drawn from the screening bench's name generator, so the inspections
 * screen realistic names against the loaded list.
 */
import autocannon from 'autocannon'
import { generateMrz } from '../../src/domain/documents/index.ts'
import { generator, type SyntheticPerson, syntheticPerson } from './screening-synthetic.ts'

export interface Session {
  base: string
  cookie: string
  csrf: string
}

export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${await res.text()}`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { base, cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: csrfToken }
}

/** A synthetic person's first name as the load writes it into an MRZ: Latin letters only. */
export function mrzNameOf(p: SyntheticPerson): string {
  return p.names[0]!.replace(/[^A-Za-z ]/g, ' ').trim()
}

/** A passport MRZ for a new synthetic traveller; `n` makes the document number unique in the run. */
export function travellerMrz(g: ReturnType<typeof generator>, n: number, run: string): string {
  const p = syntheticPerson(g)
  const [surname, ...given] = mrzNameOf(p).split(/\s+/)
  return generateMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingState: p.nationality,
    documentNumber: `${run}${String(n).padStart(7, '0')}`,
    nationality: p.nationality,
    surname: surname ?? 'X',
    givenNames: given.join(' '),
    birthDate: p.birthDate,
    sex: p.sex,
    expiryDate: '2033-01-31',
  }).lines.join('\n')
}

export interface FlowResult {
  seconds: number
  crossings: number
  /** Inspect start to record answer, per crossing, as the client saw it. */
  crossingMs: number[]
  requestP50: number
  requestP99: number
  non2xx: number
  errors: number
}

interface Ctx {
  body?: string
  key?: string
  startedAt?: number
}

/**
 * Each run draws its own travellers (the seed follows the run's label): with one seed for every run, a round after
 * the first met the very people of the round before with new passports, so every inspection of it made identity
 * proposals, and the rounds of one figure measured different work.
 */
function seedOf(run: string): number {
  let h = 4242
  for (const c of run) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0
  return h
}

export async function runFlow(s: Session, o: { seconds: number; connections: number; run: string }) {
  const g = generator(seedOf(o.run))
  let n = 0
  let crossings = 0
  const crossingMs: number[] = []
  const headers = { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf }
  const started = performance.now()
  const result = await autocannon({
    url: s.base,
    connections: o.connections,
    duration: o.seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/crossings/inspect',
        headers,
        setupRequest(req, context) {
          const c = context as Ctx
          c.startedAt = performance.now()
          return { ...req, body: JSON.stringify({ text: travellerMrz(g, n++, o.run) }) }
        },
        onResponse(status, body, context) {
          const c = context as Ctx
          if (status !== 200) return
          const i = JSON.parse(body) as {
            document: { id: string }
            risk: { id: string }
            screening: { requestId: string }
            expectedDirection: string | null
          }
          c.key = `bench-${o.run}-${i.document.id}`
          c.body = JSON.stringify({
            documentId: i.document.id,
            counter: 'B1',
            direction: i.expectedDirection ?? 'entry',
            decision: 'admit',
            purpose: 'tourism',
            riskEvaluationId: i.risk.id,
            screeningRequestId: i.screening.requestId,
          })
        },
      },
      {
        method: 'POST',
        path: '/api/crossings',
        setupRequest(req, context) {
          const c = context as Ctx
          return { ...req, headers: { ...headers, 'idempotency-key': c.key! }, body: c.body! }
        },
        onResponse(status, _body, context) {
          const c = context as Ctx
          if (status !== 201) return
          crossings++
          crossingMs.push(performance.now() - c.startedAt!)
        },
      },
    ],
  })
  const seconds = (performance.now() - started) / 1000
  return {
    seconds,
    crossings,
    crossingMs,
    requestP50: result.latency.p50,
    requestP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  } satisfies FlowResult
}
