/** The worker uses the dialogue through its public surface (src/conversation/index.ts), never its internals. */
import fs from 'fs';
import path from 'path';

const WORKER = path.join(__dirname, '../../src/taskpane/worker');

describe("the dialogue worker's imports", () => {
  it('take the conversation from its index only', () => {
    const imports = fs
      .readdirSync(WORKER)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => {
        const source = fs.readFileSync(path.join(WORKER, file), 'utf8');
        return [...source.matchAll(/from '([^']*conversation[^']*)'/g)].map((match) => `${file}: ${match[1]}`);
      });
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((line) => !/: \.\.\/\.\.\/conversation$/.test(line))).toEqual([]);
  });
});
