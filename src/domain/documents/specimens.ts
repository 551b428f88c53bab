import type { MrzFormat } from './formats.ts'

export interface Specimen {
  id: string
  /** Where in ICAO Doc 9303 the example is printed. */
  source: string
  format: MrzFormat
  lines: string[]
}

/**
 * The specimen MRZs of ICAO Doc 9303 (issuing state Utopia, `UTO`), as reproduced by many MRZ libraries. They are valid only in specimen
 * mode, which makes them fit for training sessions and for tests.
 */
export const ICAO_SPECIMENS: readonly Specimen[] = [
  {
    id: 'td3-eriksson',
    source: 'Doc 9303 Part 4, example TD3 (passport)',
    format: 'TD3',
    lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  },
  {
    id: 'td3-eriksson-6th-edition',
    source: 'Doc 9303 earlier editions, specimen passport (document number of 8 characters)',
    format: 'TD3',
    lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C<3UTO6908061F9406236ZE184226B<<<<<14'],
  },
  {
    id: 'td1-eriksson',
    source: 'Doc 9303 Part 5, example TD1',
    format: 'TD1',
    lines: [
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ],
  },
  {
    id: 'td1-stevenson-long-number',
    source: 'Doc 9303 Part 11, worked example of a TD1 with a document number longer than 9 characters',
    format: 'TD1',
    lines: [
      'I<UTOD23145890<7349<<<<<<<<<<<',
      '3407127M9507122UTO<<<<<<<<<<<2',
      'STEVENSON<<PETER<JOHN<<<<<<<<<',
    ],
  },
  {
    id: 'td2-eriksson',
    source: 'Doc 9303 Part 6, example TD2',
    format: 'TD2',
    lines: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  },
  {
    id: 'td2-stevenson-long-number',
    source: 'The Part 11 long-number example laid out as a TD2 (not itself printed in Doc 9303)',
    format: 'TD2',
    lines: ['I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<', 'D23145890<UTO3407127M95071227349<<<8'],
  },
  {
    id: 'mrva-eriksson',
    source: 'Doc 9303 Part 7, example MRV-A',
    format: 'MRVA',
    lines: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
  },
  {
    id: 'mrvb-eriksson',
    source: 'Doc 9303 Part 7, example MRV-B',
    format: 'MRVB',
    lines: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
  },
]
