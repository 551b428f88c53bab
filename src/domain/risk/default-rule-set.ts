import { PATTERN_INDICATORS } from './default-indicators-patterns.ts'
import { PROTECTION_INDICATORS } from './default-indicators-protection.ts'
import { RECRUITMENT_INDICATORS } from './default-indicators-recruitment.ts'
import type { RuleSet } from './rule-language.ts'

/**
 * The seed rule set. It starts as a draft like any other: it must be reviewed by someone other than its author
 * and impact-checked before it is activated at a post.
 */
export const DEFAULT_RULE_SET: RuleSet = {
  versionId: 'passage-default-1',
  name: 'Passage default indicators',
  indicators: [...RECRUITMENT_INDICATORS, ...PROTECTION_INDICATORS, ...PATTERN_INDICATORS],
  lists: {
    // Illustrative seed, from areas named in UNODC (2024) and OHCHR (2023) reporting. The risk-analysis unit
    // must keep it current: compounds move when they are raided.
    scamCompoundAreas: ['KHM:SIHANOUKVILLE', 'KHM:BAVET', 'MMR:MYAWADDY', 'LAO:GOLDEN_TRIANGLE_SEZ'],
  },
  escalation: [
    { minScore: 40, action: 'secondary_interview' },
    { minScore: 70, action: 'protection_referral' },
  ],
}
