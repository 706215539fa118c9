import { CsvFormatError, CsvRecordParser } from '../../../src/workbook/csv';

/** Parses text pushed in the given pieces; returns each record with the line it starts on. */
function parse(pieces: readonly string[], delimiter = ','): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  const parser = new CsvRecordParser(delimiter, (fields, line) => records.push({ fields, line }));
  for (const piece of pieces) parser.push(piece);
  parser.end();
  return records;
}

/** Every way of cutting a text in two, to prove chunk boundaries change nothing. */
function everySplit(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)]);
}

describe('CsvRecordParser', () => {
  it('reads plain records with LF, CRLF and lone CR line breaks, and a last line with no break', () => {
    expect(parse(['a,b\n1,2\r\n3,4\r5,6'])).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: ['3', '4'], line: 3 },
      { fields: ['5', '6'], line: 4 },
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields, and reports the line each record starts on', () => {
    const text = 'Ref,Note\n"1,5","He said ""stop""\r\nthen ran"\n2,"a\nb\nc"\n3,x\n';
    expect(parse([text])).toEqual([
      { fields: ['Ref', 'Note'], line: 1 },
      { fields: ['1,5', 'He said "stop"\r\nthen ran'], line: 2 },
      { fields: ['2', 'a\nb\nc'], line: 4 },
      { fields: ['3', 'x'], line: 7 },
    ]);
  });

  it('gives the same records and lines wherever the text is cut into chunks', () => {
    const text = 'a;"b\r\n""q"""\r\n"x";\r\n;z\r';
    const whole = parse([text], ';');
    expect(whole).toEqual([
      { fields: ['a', 'b\r\n"q"'], line: 1 },
      { fields: ['x', ''], line: 3 },
      { fields: ['', 'z'], line: 4 },
    ]);
    for (const pieces of everySplit(text)) expect(parse(pieces, ';')).toEqual(whole);
    expect(parse(text.split(''), ';')).toEqual(whole);
  });

  it('reads a quote inside an unquoted field as text, and text after a closing quote as part of the field', () => {
    expect(parse(['5" blade,"a"b,c\n'])).toEqual([{ fields: ['5" blade', 'ab', 'c'], line: 1 }]);
  });

  it('reads a blank line as a record of one empty field, and a trailing delimiter as an empty last field', () => {
    expect(parse(['a,\n\nb\n'])).toEqual([
      { fields: ['a', ''], line: 1 },
      { fields: [''], line: 2 },
      { fields: ['b'], line: 3 },
    ]);
  });

  it('stops on a quote that never closes, naming the line and field where it opened', () => {
    let thrown: unknown;
    try {
      parse(['Ref,Note\n1,ok\n2,"never closed\n3,x\n']);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CsvFormatError);
    expect((thrown as CsvFormatError).line).toBe(3);
    expect((thrown as CsvFormatError).field).toBe(2);
    expect((thrown as CsvFormatError).message).toMatch(/^line 3, field 2: a quoted field opens here/);
  });
});
