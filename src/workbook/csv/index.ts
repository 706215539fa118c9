/** The CSV adapter: read a CSV (or a sheet of another workbook) as one of the input sheets. */
export { readCsvChunks, readCsvSource, type CsvSheet, type ReadCsvOptions } from './readCsvChunks';
export { readCsvFile, type CsvFile } from './readCsvFile';
export { CsvRecordParser, CsvFormatError, type CsvRecordSink } from './csvRecordParser';
export { detectDelimiter, CSV_DELIMITERS, type CsvDelimiter } from './detectDelimiter';
export { detectEncoding, type CsvEncoding, type DetectedEncoding } from './detectEncoding';
export { textChunkDecoder, decodeWindows1252, NotUtf8Error } from './textChunkDecoder';
export { csvCellValue } from './csvCellValue';
export { RecordLines } from './recordLines';
export {
  fileSheetName,
  roleFileSpec,
  rewordForFiles,
  issueForFiles,
  type FileSheetSource,
  type RoleFileSpec,
} from './fileSheetSource';
