/**
 * Table column names Excel accepts: each non-blank and unique ignoring case (Excel repairs a file
 * whose table has two columns named alike), with no line breaks or tabs (which also make Excel
 * repair the table, as reported in the discussion of exceljs pull request #1345) and at most 255 characters. A blank header becomes
 * `Column n` (Excel's own default); a repeated one gets ` 2`, ` 3`, ... as Excel does when you
 * type a duplicate header.
 * @example uniqueTableHeaders(['Ward', 'ward', '', 'Rate\nper 1,000']) // => ['Ward', 'ward 2', 'Column3', 'Rate per 1,000']
 */
export function uniqueTableHeaders(headers: readonly string[]): string[] {
  const used = new Set<string>();
  return headers.map((header, index) => {
    const cleaned = header
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim()
      .slice(0, 250);
    const base = cleaned === '' ? `Column${index + 1}` : cleaned;
    let name = base;
    for (let copy = 2; used.has(name.toUpperCase()); copy++) name = `${base} ${copy}`;
    used.add(name.toUpperCase());
    return name;
  });
}
