import { describe, expect, it } from 'vitest'
import { CASE_STATES, type CaseRecord, mosvyStage, newCase } from './case-record.ts'
import { CASE_EVENTS, CASE_TRANSITIONS } from './case-transitions.ts'
import { applyCaseCommand, type CaseCommand } from './case-workflow.ts'
import type { Actor } from './errors.ts'
import { AT, COMMANDS, readyFor, supervisor, worker } from './testing/cases.ts'

function run(record: CaseRecord, command: CaseCommand, actor: Actor) {
  return applyCaseCommand(record, command, actor, AT)
}

const allowed = CASE_STATES.flatMap((s) =>
  CASE_EVENTS.flatMap((e) => {
    const to = CASE_TRANSITIONS[s][e]
    return to ? [[s, e, to] as const] : []
  }),
)
const forbidden = CASE_STATES.flatMap((s) =>
  CASE_EVENTS.filter((e) => !CASE_TRANSITIONS[s][e]).map((e) => [s, e] as const),
)

describe('case workflow transition table', () => {
  it('covers every state × event pair exactly once', () => {
    expect(allowed.length + forbidden.length).toBe(CASE_STATES.length * CASE_EVENTS.length)
    expect(allowed.length).toBeGreaterThan(30)
  })

  it.each(allowed)('allows %s --%s--> %s', (state, event, to) => {
    const { record, actor } = readyFor(state, event)
    const result = run(record, COMMANDS[event], actor)
    expect(
      result.ok ? [result.value.from, result.value.to, result.value.record.state] : result.error,
    ).toEqual([state, to, to])
  })

  it.each(forbidden)('refuses %s --%s--> (not in the table)', (state, event) => {
    const { record, actor } = readyFor(state, event)
    const result = run(record, COMMANDS[event], actor)
    expect(result.ok ? undefined : result.error).toEqual({
      code: 'protection.errors.transitionNotAllowed',
      params: { state, event },
    })
  })
})

describe('a case from registration to closure', () => {
  it('passes through the four MoSVY stages and never changes a record in place', () => {
    let record = newCase('case-9', 'mosvy-poipet')
    const frozen = JSON.stringify(record)
    const steps: [CaseCommand, Actor][] = [
      [{ type: 'assign', caseWorkerId: 'worker-1' }, supervisor],
      [COMMANDS.completeAssessment, worker],
      [COMMANDS.submitPlan, worker],
      [COMMANDS.approvePlan, supervisor],
      [COMMANDS.startMonitoring, worker],
      [COMMANDS.requestClosure, worker],
      [COMMANDS.approveClosure, supervisor],
    ]
    const stages = [mosvyStage(record)]
    const start = record
    for (const [command, actor] of steps) {
      if (command.type === 'startMonitoring') record = { ...record, servicesDelivered: 2 }
      const result = run(record, command, actor)
      if (!result.ok) throw new Error(`${command.type}: ${result.error.code}`)
      record = result.value.record
      stages.push(mosvyStage(record))
    }
    expect([...new Set(stages)]).toEqual(['preIntegration', 'integration', 'monitoring', 'closure'])
    expect(record.state).toBe('closed')
    expect(JSON.stringify(start)).toBe(frozen)
  })
})
