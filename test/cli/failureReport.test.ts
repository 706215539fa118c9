import fs from 'fs';
import os from 'os';
import path from 'path';
import { oneLine, writeErrorReport } from '../../src/cli/failureReport';

describe('an internal error on the console and in its report', () => {
  it('prints one line, whatever the message holds', () => {
    expect(oneLine(new TypeError('bad\n  thing\there'))).toBe('TypeError: bad thing here');
    expect(oneLine('plain')).toBe('plain');
  });

  it('writes the stack and the arguments to a report file and says where', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'catchment-report-'));
    try {
      const error = new Error('boom');
      const said = writeErrorReport(error, ['analyse', 'in.xlsx'], folder);
      const [file] = fs.readdirSync(folder);
      expect(said).toBe(`The full report is in ${path.join(folder, file)}; please send it with the command you ran.`);
      const report = fs.readFileSync(path.join(folder, file), 'utf8');
      expect(report).toContain('arguments: ["analyse","in.xlsx"]');
      expect(report).toContain(error.stack!.split('\n')[1].trim());
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('says so when the report cannot be written', () => {
    expect(writeErrorReport(new Error('x'), [], '/nonexistent-folder-for-catchment')).toBe(
      'The full report could not be written.',
    );
  });
});
