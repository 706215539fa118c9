/**
 * What police data can and cannot show, and the answers to the ALGO-CARE questions a force's
 * ethics committee asks of an algorithm (M. Oswald, J. Grace, S. Urwin and G. Barnes, "Algorithmic
 * risk assessment policing models: lessons from the Durham HART model and 'Experimental'
 * proportionality", Information & Communications Technology Law 27(2), 2018). Printed on the
 * Method sheet; the Summary points to them.
 */

export const POLICE_DATA_CAVEATS: readonly (readonly [string, string])[] = [
  [
    'Policing activity',
    'recorded crime reflects policing and reporting as well as violence: places that are patrolled more, or where people report more, record more. A high rate is a reason to look, not proof of more violence.',
  ],
  [
    'Home locations',
    'offender home locations are as police recorded them; some are out of date, approximate or missing. Rows that could not be placed are counted under Rows in and out, never guessed.',
  ],
  [
    'School attended',
    'recorded for only some offenders, so "Young offenders attending" undercounts; it is shown for context and is not used in the ranking.',
  ],
  ['Recorded offenders', 'people the police recorded against an offence; a record is not a charge or a conviction.'],
  ['Modelled catchments', 'estimates from distance and school size, not pupil records.'],
  ['Small wards', 'rates on small populations are unstable; their intervals show how unstable.'],
];

export const ALGO_CARE: readonly (readonly [string, string])[] = [
  [
    'Advisory',
    'the ranking informs where prevention work may reach most children; people decide, and nothing here is a decision about any person.',
  ],
  [
    'Lawful',
    'only aggregates are published: counts by ward and school with small counts withheld and audited, and personal values withheld from the Validation sheet.',
  ],
  ['Granularity', 'wards and schools, each with a confidence or rank interval; no prediction about any person.'],
  ['Ownership', "computed on the analyst's own computer by open, documented methods; no data leaves the machine."],
  [
    'Challengeable',
    'derived figures are live formulas on the published counts (Wards, Schools); this sheet states every step, and the Audit sheet records the run so it can be replayed.',
  ],
  [
    'Accuracy',
    'every input problem is reported by sheet and row (Validation) and rows in and out reconcile (above); uncertainty is shown as intervals.',
  ],
  [
    'Responsible',
    'reviewed by an analyst before it is shared; the caveats on police data are stated above; synthetic data is labelled as such.',
  ],
  [
    'Explainable',
    "the method is written out on this sheet; in the add-in, the dialogue explains any school's rank by its catchment wards.",
  ],
];
