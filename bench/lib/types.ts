export interface Figure {
  area: string
  name: string
  unit: string
  value: number
  /** What the figure is measured beside, in the same run (a peer library, raw PostgreSQL, a naive method). */
  baseline: string
  baselineValue: number
  better: 'higher' | 'lower'
}

export interface BenchContext {
  /** A PostgreSQL URL: BENCH_DATABASE_URL, or a throwaway cluster started on first use and stopped at the end. */
  postgresUrl(): Promise<string>
  log(message: string): void
}

export interface BenchArea {
  area: string
  run(ctx: BenchContext): Promise<Figure[]>
}
