/**
 * The manifest checked offline (`office-addin-manifest validate` needs the internet): it parses with
 * the Office tooling's own reader, it declares an Excel task pane with the permissions the add-in
 * needs, every resource id it uses is defined, every URL is on the add-in's own origin, and every
 * icon it names exists in assets/.
 */
import fs from 'fs';
import path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { REQUIRED_EXCEL_API } from '../../src/workbook/office/checkRequirements';

const root = path.resolve(__dirname, '../..');
const manifestPath = path.join(root, 'manifest.xml');
const manifestText = fs.readFileSync(manifestPath, 'utf8');
const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(manifestText);
const app = parsed.OfficeApp;

function collect(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) node.forEach((item) => collect(item, visit));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      visit(key, value);
      collect(value, visit);
    }
  }
}

describe('manifest.xml', () => {
  it('is read by the Office tooling as an Excel task pane app', async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
  });

  it('has a GUID id and a four-part version', () => {
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(app.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('defines every resource id it refers to, once', () => {
    const defined: string[] = [];
    const referenced: string[] = [];
    collect(app.VersionOverrides, (key, value) => {
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === 'object') {
          const record = item as Record<string, unknown>;
          if (typeof record['@id'] === 'string' && ['bt:Image', 'bt:Url', 'bt:String'].includes(key))
            defined.push(record['@id']);
          if (typeof record['@resid'] === 'string') referenced.push(record['@resid']);
        }
      }
    });
    expect(new Set(defined).size).toBe(defined.length);
    expect(referenced.length).toBeGreaterThan(5);
    for (const id of referenced) expect(defined).toContain(id);
  });

  it('points every URL at the add-in origin declared in AppDomains', () => {
    const urls = [...manifestText.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((match) => match[1]);
    const origins = new Set(urls.map((url) => new URL(url).origin));
    expect(urls.length).toBeGreaterThan(5);
    expect([...origins]).toEqual([app.AppDomains.AppDomain]);
    for (const url of urls) expect(url.startsWith('https://')).toBe(true);
  });

  it('names only icons that exist in assets/, at the sizes it declares', () => {
    const iconUrls = [...manifestText.matchAll(/DefaultValue="https:\/\/[^/]+\/(assets\/[^"]+\.png)"/g)].map(
      (m) => m[1],
    );
    expect(iconUrls.length).toBeGreaterThanOrEqual(5);
    for (const relative of iconUrls) {
      const file = path.join(root, relative);
      expect(fs.existsSync(file)).toBe(true);
      // PNG width is the big-endian integer at byte 16 of the IHDR chunk.
      const width = fs.readFileSync(file).readUInt32BE(16);
      const declared = Number(/icon-(\d+)\.png$/.exec(relative)?.[1]);
      expect(width).toBe(declared);
    }
  });

  it('requires the Excel API set the task pane checks for at start', () => {
    const taskpane = fs.readFileSync(path.join(root, 'src/taskpane/taskpane.ts'), 'utf8');
    expect(taskpane).toContain('checkRequirements(');
    expect(manifestText).toContain(
      `<Set Name="${REQUIRED_EXCEL_API.name}" MinVersion="${REQUIRED_EXCEL_API.version}"/>`,
    );
  });
});
