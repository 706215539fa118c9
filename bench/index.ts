import path from 'path';
import { benchAssignWards } from './assignWards';
import { benchDisclosure } from './disclosure';
import { benchMultiRunDisclosure } from './multiRunDisclosure';
import { benchNationalCsv } from './nationalCsv';
import { benchPipeline } from './pipeline';
import { benchRankSimulation } from './rankSimulation';
import { benchReadLargeWorkbook } from './readLargeWorkbook';

/** `npm run bench [DATA_DIR]`: DATA_DIR defaults to ../shared/data beside the repository. */
async function main(): Promise<void> {
  const dataDir = path.resolve(process.argv[2] ?? path.resolve(__dirname, '../../../shared/data'));
  const log = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  log('== Ward assignment: spatial index against a naive loop over every ward ==');
  await benchAssignWards(dataDir, log);
  log('');
  log('== Whole analysis on the synthetic demo ==');
  await benchPipeline(log);
  log('');
  log('== Engine stages at scale: rank intervals, modelled catchments, the demo generator ==');
  benchRankSimulation(log);
  log('');
  log("== Disclosure control: secondary suppression and the attacker's audit ==");
  await benchDisclosure(log);
  log('');
  log('== Disclosure control across runs: fifteen runs of a 10,000-offence extract into one ledger ==');
  await benchMultiRunDisclosure(log);
  log('');
  log("== Reading and analysing an offences sheet filled to Excel's last row: streaming reader against exceljs ==");
  await benchReadLargeWorkbook(log);
  log('');
  log('== National scale: 5,000,000 offence rows as CSV on a synthetic 7,000-ward geography ==');
  benchNationalCsv(log);
}

void main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
