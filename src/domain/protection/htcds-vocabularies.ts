/**
 * Picklist values of IOM's Human Trafficking Case Data Standard (HTCDS, `UNMigration/HTCDS`,
 * "HTCDS Field Reference.md"), kept with HTCDS's own value names so that export needs no translation
 * table. Where HTCDS writes a value with a space ("Mental health") the space is dropped here and put back on
 * export (case-export-profiles.ts); genders are verbatim, slash included.
 */

export const HTCDS_GENDERS = ['Male', 'Female', 'Transgender/NonConforming', 'Unknown'] as const
export type HtcdsGender = (typeof HTCDS_GENDERS)[number]

export const ORGANISATION_TYPES = [
  'NGO',
  'LawEnforcement',
  'HealthServiceOrganisation',
  'CentralGovernmentOrganisation',
  'LocalGovernmentOrganisation',
  'ImmigrationService',
  'LegalService',
  'CorporateBusiness',
] as const
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

export const PLATFORMS = [
  'Facebook',
  'Instagram',
  'WhatsApp',
  'Telegram',
  'FacebookMessenger',
  'Viber',
  'SnapChat',
  'Line',
  '4Sale',
  'WeChat',
  'QQ',
  'QZone',
  'TikTok',
  'Twitter',
  'Other',
] as const
export type Platform = (typeof PLATFORMS)[number]

export const RECRUITMENT_METHODS = [
  'Abduction',
  'EducationalFacility',
  'Familial',
  'Internet',
  'InternationalMarriageBroker',
  'IntimatePartnerOrMarriageProposition',
  'JobOffer',
  'PosingAsBenefactor',
  'PublicArea',
  'OfferOfAccommodation',
  'Shelter',
  'SmugglingRansom',
  'Work',
  'Other',
  'Unknown',
] as const
export type RecruitmentMethod = (typeof RECRUITMENT_METHODS)[number]

export const CONTROL_METHODS = [
  'DebtBondage',
  'TakesEarnings',
  'RestrictsFinancialAccess',
  'Threats',
  'PsychologicalAbuse',
  'PhysicalAbuse',
  'SexualAbuse',
  'FalsePromises',
  'PsychoactiveSubstances',
  'RestrictsMovement',
  'RestrictsMedicalCare',
  'ExcessiveWorkingHours',
  'UsesChildren',
  'ThreatOfLawEnforcement',
  'WithholdsNecessities',
  'WithholdsDocuments',
  'Other',
] as const
export type ControlMethod = (typeof CONTROL_METHODS)[number]

export const LABOUR_EXPLOITATION_TYPES = [
  'Agriculture',
  'Aquafarming',
  'Begging',
  'Construction',
  'DomesticWork',
  'Hospitality',
  'IllicitActivities',
  'Manufacturing',
  'MiningOrDrilling',
  'Peddling',
  'Transportation',
  'Other',
] as const
export type LabourExploitationType = (typeof LABOUR_EXPLOITATION_TYPES)[number]

/** ISIC Rev. 4 sections, as HTCDS's "Labour Industry" uses them. */
export const ISIC_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const
export type IsicSection = (typeof ISIC_SECTIONS)[number]

export const SEX_EXPLOITATION_TYPES = [
  'Prostitution',
  'Pornography',
  'RemoteInteractiveServices',
  'PrivateSexualServices',
] as const
export type SexExploitationType = (typeof SEX_EXPLOITATION_TYPES)[number]

export const HTCDS_VULNERABILITIES = [
  'Addiction',
  'Caste',
  'Discrimination',
  'Poverty',
  'DisabilityAndPhysicalHealth',
  'MentalHealth',
  'Migration',
  'Homelessness',
  'AbuseSocialMedia',
  'AbusePhysical',
  'Education',
  'WorkEnvironment',
] as const
export type HtcdsVulnerability = (typeof HTCDS_VULNERABILITIES)[number]

export const HTCDS_CASE_STATUSES = ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] as const
export type HtcdsCaseStatus = (typeof HTCDS_CASE_STATUSES)[number]

export const REFERRAL_REASONS = [
  'AdditionalServicesRequired',
  'MigrationOrChangeOfLocation',
  'Other',
] as const
export type ReferralReason = (typeof REFERRAL_REASONS)[number]
