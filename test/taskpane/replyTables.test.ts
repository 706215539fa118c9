import { segmentReply, type ReplySegment } from '../../src/taskpane/ui/replyTables';

/** Every piece of text the segments show (headers included: they carry the words of details), for checking nothing is lost. */
const shown = (segments: readonly ReplySegment[]): string =>
  segments
    .map((segment) => (segment.kind === 'text' ? segment.text : [...segment.headers, ...segment.rows.flat()].join(' ')))
    .join(' ');

describe('lists in replies as tables', () => {
  it('sets ranked school lines out as Rank, School, URN and one column per detail, the words of each detail as its header', () => {
    const text = [
      "2 of the top 20 are not on the current list ('VRU current list'):",
      '3. Park Hall Academy (URN 100003): exposure index 187, rank interval 2–5',
      "12. St Mary's (VA) High School (URN 100012): exposure index 96, rank interval 9–18",
      "The rank intervals of St Mary's (VA) High School reach beyond 20: their place in the top group is uncertain.",
    ].join('\n');
    expect(segmentReply(text)).toEqual([
      { kind: 'text', text: "2 of the top 20 are not on the current list ('VRU current list'):" },
      {
        kind: 'table',
        label: "2 of the top 20 are not on the current list ('VRU current list')",
        nameColumn: 1,
        headers: ['Rank', 'School', 'URN', 'Exposure index', 'Rank interval'],
        rows: [
          ['3', 'Park Hall Academy', '100003', '187', '2–5'],
          ['12', "St Mary's (VA) High School", '100012', '96', '9–18'],
        ],
      },
      {
        kind: 'text',
        text: "The rank intervals of St Mary's (VA) High School reach beyond 20: their place in the top group is uncertain.",
      },
    ]);
  });

  it("puts a detail without a number ('on the list') under Note", () => {
    const [, table] = segmentReply(
      'The top 2 of 400 schools by exposure:\n1. A School (URN 1): interval 1–2, index 210, on the list\n2. B School (URN 2): interval 1–3, index 180, NOT on the list',
    );
    expect(table).toMatchObject({
      headers: ['Rank', 'School', 'URN', 'Interval', 'Index', 'Note'],
      rows: [
        ['1', 'A School', '1', '1–2', '210', 'on the list'],
        ['2', 'B School', '2', '1–3', '180', 'NOT on the list'],
      ],
    });
  });

  it('sets the sheets of a description out as Sheet, Rows and what each is read as', () => {
    const segments = segmentReply(
      "This workbook has 2 sheets:\n• 'Offences 2023-24' (20,046 rows): offences (your choice)\n• '<img src=x>' (1 row): not used\nWard boundaries: the vertex sheet 'Ward boundaries'.",
    );
    expect(segments).toEqual([
      { kind: 'text', text: 'This workbook has 2 sheets:' },
      {
        kind: 'table',
        label: 'This workbook has 2 sheets',
        nameColumn: 0,
        headers: ['Sheet', 'Rows', 'Read as'],
        rows: [
          ['Offences 2023-24', '20,046', 'offences (your choice)'],
          ['<img src=x>', '1', 'not used'],
        ],
      },
      { kind: 'text', text: "Ward boundaries: the vertex sheet 'Ward boundaries'." },
    ]);
  });

  it('takes lists of offence types with their rows out of a sentence, keeping the words around them', () => {
    const text =
      'Counting one offence type as violence: Robbery (2,368 rows). 2 other types are left out: Violence with injury (5,777 rows); ' +
      'XYZ1 (2 rows, not recognised); and 4 more. Say "undo" to go back.';
    const segments = segmentReply(text);
    expect(segments).toEqual([
      {
        kind: 'text',
        text: 'Counting one offence type as violence: Robbery (2,368 rows). 2 other types are left out:',
      },
      {
        kind: 'table',
        label: 'Counting one offence type as violence: Robbery (2,368 rows). 2 other types are left out',
        nameColumn: 0,
        headers: ['Offence type', 'Rows', 'Note'],
        rows: [
          ['Violence with injury', '5,777', ''],
          ['XYZ1', '2', 'not recognised'],
        ],
      },
      { kind: 'text', text: '…and 4 more. Say "undo" to go back.' },
    ]);
  });

  it('finds two lists in one line', () => {
    const segments = segmentReply(
      'Counting the Home Office violence groups (the default): A (3 rows); B (1 row). Not counted: C (2 rows); D (5 rows).',
    );
    expect(segments.map((segment) => segment.kind)).toEqual(['text', 'table', 'text', 'table']);
    expect(segments[2]).toEqual({ kind: 'text', text: 'Not counted:' });
    expect(segments[3]).toMatchObject({
      headers: ['Offence type', 'Rows'],
      rows: [
        ['C', '2'],
        ['D', '5'],
      ],
    });
  });

  it('leaves everything else as text, line breaks and all', () => {
    const text =
      'Run 1 done: 190 wards.\nTop 3: 1. A (rank interval 1–2); 2. B (rank interval 1–3); 3. C (rank interval 2–4)\n\nOne type (3 rows) alone is not a list.';
    expect(segmentReply(text)).toEqual([{ kind: 'text', text }]);
  });

  it('loses no text', () => {
    const text = "Intro:\n• 'S' (3 rows): offences\n1. A (URN 1): index 3\nTypes: A (1 row); B (2 rows).";
    for (const word of ['Intro', 'S', 'offences', 'A', 'Index', 'Types', 'B'])
      expect(shown(segmentReply(text))).toContain(word);
  });
});
