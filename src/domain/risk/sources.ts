import type { Evidence } from './rule-language.ts'

type Source = Omit<Evidence, 'supports'>

/**
 * Publications the default indicators rest on. Each indicator cites the ones it draws from and says what in them
 * supports it (`supports`); where an indicator adapts a listed indicator to the border setting, it says so.
 */
export const SOURCES = {
  unodcIndicators: {
    publisher: 'UNODC',
    title:
      'Anti-Human Trafficking Manual for Criminal Justice Practitioners, Module 2: Indicators of trafficking in persons (and the UNODC "Human trafficking indicators" leaflet)',
    year: 2009,
  },
  unodcSoutheastAsia: {
    publisher: 'UNODC Regional Office for Southeast Asia and the Pacific',
    title: 'Possible indicators of trafficking in persons',
    year: 2011,
    url: 'http://www.unodc.org/southeastasiaandpacific/en/topics/illicit-trafficking/human-trafficking2.html',
  },
  iloOperational: {
    publisher: 'ILO and European Commission',
    title:
      'Operational indicators of trafficking in human beings: results from a Delphi survey (revised September 2009)',
    year: 2009,
  },
  unodcRecruitmentFees: {
    publisher: 'UNODC',
    title:
      'The Role of Recruitment Fees and Abusive and Fraudulent Practices of Recruitment Agencies in Trafficking in Persons',
    year: 2015,
  },
  ohchrScams: {
    publisher: 'OHCHR (UN Human Rights Office)',
    title:
      'Online scam operations and trafficking into forced criminality in Southeast Asia: recommendations for a human rights response',
    year: 2023,
    url: 'https://www.ohchr.org/en/press-releases/2023/08/hundreds-thousands-trafficked-work-online-scammers-se-asia-says-un-report',
  },
  interpolOrangeNotice: {
    publisher: 'INTERPOL',
    title: 'INTERPOL issues global warning on human trafficking-fuelled fraud (Orange Notice, June 2023)',
    year: 2023,
  },
  unodcScamCentres: {
    publisher: 'UNODC',
    title:
      'Transnational Organized Crime and the Convergence of Cyber-Enabled Fraud, Underground Banking and Technological Innovation in Southeast Asia: A Shifting Threat Landscape',
    year: 2024,
  },
  unodcSmuggling: {
    publisher: 'UNODC',
    title: 'Global Study on Smuggling of Migrants 2018',
    year: 2018,
  },
  unicefChildVictims: {
    publisher: 'UNICEF',
    title: 'Guidelines on the Protection of Child Victims of Trafficking',
    year: 2006,
  },
  ncctIdentification: {
    publisher: 'National Committee for Counter Trafficking (NCCT), Cambodia',
    title:
      'Guidelines on Forms and Procedures for Identification of Victims of Human Trafficking for Appropriate Service Provision',
    year: 2016,
  },
  iomVulnerableMigrants: {
    publisher: 'IOM',
    title:
      'IOM Handbook on Protection and Assistance for Migrants Vulnerable to Violence, Exploitation and Abuse',
    year: 2019,
  },
  schengenBordersCode: {
    publisher: 'European Union',
    title: 'Regulation (EU) 2016/399 (Schengen Borders Code), Article 8: thorough checks on purpose of stay',
    year: 2016,
  },
} as const satisfies Record<string, Source>

export function cite(source: Source, supports: string): Evidence {
  return { ...source, supports }
}
